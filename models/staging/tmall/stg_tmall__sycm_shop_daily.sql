-- Sycm shop overview by day (生意参谋 店铺整体), the platform's own distinct counts for the whole shop.
-- Good, latest rows of tmall/sycm_shop_daily: one row per stat_date.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'sycm_shop_daily') }}
