-- Base model for made_in_china/product_performance: every raw row, typed, with why it is rejected or
-- superseded.
-- Product performance by day (产品数据 / 产品分析), one row per day and product.
-- The data day (stat_date) is the back-end's day, taken as China (Asia/Shanghai) time.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_made_in_china__product_performance. Natural key: stat_date, product_id; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('made_in_china', 'product_performance') }}
