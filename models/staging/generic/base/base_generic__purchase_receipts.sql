-- Base model for generic/purchase_receipts: every raw row, typed, with why it is rejected or superseded.
-- Purchase receipts (采购入库单, a warehouse or ERP system's export), one row per purchase order, SKU and receipt.
-- Times are read as given, naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__purchase_receipts. Natural key: po_id, sku_id, received_at;
-- latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'purchase_receipts') }}
