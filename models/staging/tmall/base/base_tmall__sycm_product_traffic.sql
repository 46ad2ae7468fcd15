-- Base model for tmall/sycm_product_traffic: every raw row, typed, with why it is rejected or superseded.
-- Sycm daily product performance (生意参谋 商品效果), one row per day and product.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_product_traffic. Natural key: stat_date, product_id; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'sycm_product_traffic') }}
