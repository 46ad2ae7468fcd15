-- Product performance by day (产品数据 / 产品分析), one row per day and product.
-- Good, latest rows of made_in_china/product_performance: one row per stat_date, product_id.
-- The data day (stat_date) is the back-end's day, taken as China (Asia/Shanghai) time.
{{ storeops.current_export_rows('made_in_china', 'product_performance') }}
