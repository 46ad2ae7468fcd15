-- Inventory snapshot (库存报表), one row per day, SKU (商家编码) and warehouse: the stock at the end of the day.
-- Good, latest rows of tmall/inventory: one row per snapshot_date, merchant_code and warehouse.
-- Dates are China Standard Time (UTC+8) days.
{{ storeops.current_export_rows('tmall', 'inventory') }}
