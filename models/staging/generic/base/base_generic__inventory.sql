-- Base model for generic/inventory: every raw row, typed, with why it is rejected or superseded.
-- Generic inventory snapshot, one row per day, SKU and warehouse: the stock at the end of the day.
-- Dates are read as given.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__inventory. Natural key: snapshot_date, sku_id, warehouse;
-- latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'inventory') }}
