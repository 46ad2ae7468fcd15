-- Base model for generic/orders: every raw row, typed, with why it is rejected or superseded.
-- Generic order export, one row per order.
-- Times are read as given, naive, in whatever zone the source used; amounts are in `currency`.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__orders. Natural key: order_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'orders') }}
