-- Generic order item export, one row per order line.
-- Good, latest rows of generic/order_items: one row per order_id, line_id and sku_id.
-- A line's amount is unit_price × quantity; an order's lines sum to its amount (DECISIONLOG I2).
-- Times are read as given, naive; amounts are in the order's currency.
{{ storeops.current_export_rows('generic', 'order_items') }}
