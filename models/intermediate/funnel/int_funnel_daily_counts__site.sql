-- Funnel counts per day, store and channel of the own shop, before any rate; int_funnel_daily_counts
-- unions the platforms (macros/funnel_daily_counts.sql). From events by session channel and orders by
-- the channel of their session.
{{ funnel_daily_counts(keys=['store_id', 'channel'], platform='site') }}
