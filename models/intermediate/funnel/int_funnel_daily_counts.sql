-- Funnel counts per day, platform, store and channel, before any rate (fct_funnel_daily adds them).
-- Tmall from Sycm traffic sources (labels of one channel summed), own shop from events by session
-- channel and orders by the channel of their session, Alibaba.com from product performance summed over
-- products, generic from orders; not-reported steps are NULL. Written once for both grains:
-- macros/funnel_daily_counts.sql says where each platform's steps come from.
{{ config(materialized='table') }}

{{ funnel_daily_counts(keys=['store_id', 'channel']) }}
