-- Order item export (宝贝报表), one row per order line.
-- Good, latest rows of tmall/order_items: one row per order_id, sub_order_id, product_title and sku_properties.
-- A line's amount is price × quantity; an order's lines sum to its 买家应付货款 (DECISIONLOG I2).
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'order_items') }}
