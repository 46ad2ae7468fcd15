-- Funnel counts per day, store and channel of Tmall, before any rate; int_funnel_daily_counts unions
-- the platforms (macros/funnel_daily_counts.sql). From Sycm traffic sources, the source labels of one
-- channel summed; days with no Sycm export from the order export, under channel `other`.
{{ funnel_daily_counts(keys=['store_id', 'channel'], platform='tmall') }}
