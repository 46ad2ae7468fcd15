-- Funnel counts per day, store and channel of Made-in-China.com, before any rate; int_funnel_daily_counts
-- unions the platforms (macros/funnel_daily_counts.sql). From product performance summed over
-- products, under the channel of the channel map's `organic` label.
{{ funnel_daily_counts(keys=['store_id', 'channel'], platform='made_in_china') }}
