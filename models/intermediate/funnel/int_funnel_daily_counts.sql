-- Funnel counts per day, platform, store and channel, before any rate (fct_funnel_daily adds them):
-- the union of one model per platform, int_funnel_daily_counts__<platform>, each the channel grain of
-- the one template macros/funnel_daily_counts.sql (which says where each platform's steps come from).
-- A platform of funnel_platforms() without its model is a compile error here.
{{ config(materialized='table') }}
{%- set columns = ['stat_date', 'platform', 'store_id', 'channel'] %}
{%- for name, type in storeops.funnel_counts() %}{% do columns.append(name) %}{% endfor %}
{%- do columns.append('visitors_is_distinct_count') %}

{{ storeops.union_parts('int_funnel_daily_counts__', storeops.funnel_platforms(), columns) }}
