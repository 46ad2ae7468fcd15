-- Base model for site/events: every raw row, typed, with why it is rejected or superseded.
-- GA4-shaped event export, one row per event. event_timestamp is UTC microseconds; event_date is the shop's
-- day (China time).
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_site__events. Natural key: event_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('site', 'events') }}
