-- Funnel counts per day, store and channel of the generic order export, before any rate;
-- int_funnel_daily_counts unions the platforms (macros/funnel_daily_counts.sql). From orders, by the
-- export's channel label.
{{ funnel_daily_counts(keys=['store_id', 'channel'], platform='generic') }}
