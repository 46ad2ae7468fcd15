-- Base model for generic/order_items: every raw row, typed, with why it is rejected or superseded.
-- Generic order item export, one row per order line.
-- Times are read as given, naive; amounts are in the order's currency.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__order_items. Natural key: order_id, line_id, sku_id;
-- latest version wins (highest _file_seq, then _row_number).
-- A table, not incremental: an item file may have no date column (DECISIONLOG I3; _generic__base.yml).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'order_items') }}
