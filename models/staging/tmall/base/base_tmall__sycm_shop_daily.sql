-- Base model for tmall/sycm_shop_daily: every raw row, typed, with why it is rejected or superseded.
-- Sycm shop overview by day (生意参谋 店铺整体), the platform's own distinct counts for the whole shop.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_shop_daily. Natural key: stat_date; latest version wins (highest _file_seq, then
-- _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'sycm_shop_daily') }}
