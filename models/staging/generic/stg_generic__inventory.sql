-- Generic inventory snapshot, one row per day, SKU and warehouse: the stock at the end of the day.
-- Good, latest rows of generic/inventory: one row per snapshot_date, sku_id and warehouse.
-- Dates are read as given.
{{ storeops.current_export_rows('generic', 'inventory') }}
