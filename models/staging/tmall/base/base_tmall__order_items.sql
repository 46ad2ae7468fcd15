-- Base model for tmall/order_items: every raw row, typed, with why it is rejected or superseded.
-- Order item export (宝贝报表), one row per order line.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__order_items. Natural key: order_id, sub_order_id, product_title, sku_properties;
-- latest version wins (highest _file_seq, then _row_number).
-- A table, not incremental: an item file may have no date column (DECISIONLOG I3; _tmall__base.yml).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'order_items') }}
