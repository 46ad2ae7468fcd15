-- Product performance by day, one row per day and product.
-- Good, latest rows of alibaba_com/product_performance: one row per stat_date, product_id.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
{{ storeops.current_export_rows('alibaba_com', 'product_performance') }}
