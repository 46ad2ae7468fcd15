-- Base model for site/orders: every raw row, typed, with why it is rejected or superseded.
-- Own-shop order export, one row per order. Times are China Standard Time.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_site__orders. Natural key: order_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('site', 'orders') }}
