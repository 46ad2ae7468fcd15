-- Funnel counts per day, platform and store, all channels together, before any rate (fct_funnel_store_daily
-- adds them). Distinct counts come from the platform's own daily totals (Sycm shop overview) or distinct
-- recounts over the day's events and orders, never from a sum over channels. Written once for both
-- grains: macros/funnel_daily_counts.sql says where each platform's steps come from.
{{ config(materialized='table') }}

{{ funnel_daily_counts(keys=['store_id']) }}
