-- Purchase receipts (采购入库单, a warehouse or ERP system's export), one row per purchase order, SKU and receipt.
-- Good, latest rows of generic/purchase_receipts: one row per po_id, sku_id and received_at.
-- The lead time of a receipt is received_at − ordered_at (int_purchase_lead_times).
-- Times are read as given, naive.
{{ storeops.current_export_rows('generic', 'purchase_receipts') }}
