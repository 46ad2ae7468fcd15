-- Sycm daily product performance (生意参谋 商品效果), one row per day and product.
-- Good, latest rows of tmall/sycm_product_traffic: one row per stat_date, product_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'sycm_product_traffic') }}
