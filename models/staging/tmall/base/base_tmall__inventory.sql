-- Base model for tmall/inventory: every raw row, typed, with why it is rejected or superseded.
-- Inventory snapshot (库存报表), one row per day, SKU (商家编码) and warehouse: the stock at the end of the day.
-- Dates are China Standard Time (UTC+8) days.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__inventory. Natural key: snapshot_date, merchant_code, warehouse;
-- latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'inventory') }}
