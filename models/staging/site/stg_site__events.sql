-- GA4-shaped event export, one row per event. event_timestamp is UTC microseconds; event_date is the shop's
-- day (China time).
-- Good, latest rows of site/events: one row per event_id.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
{{ storeops.current_export_rows('site', 'events') }}
