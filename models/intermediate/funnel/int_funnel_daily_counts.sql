-- Funnel counts per day, platform, store and channel, before any rate (fct_funnel_daily adds them):
-- the union of one model per platform, int_funnel_daily_counts__<platform>, each the channel grain of
-- the one template macros/funnel_daily_counts.sql (which says where each platform's steps come from).
-- A platform of funnel_platforms() without its model is a compile error here.
{{ config(materialized='table') }}

with

unioned as (

    {% for platform in storeops.funnel_platforms() %}
        select * from {{ ref('int_funnel_daily_counts__' ~ platform) }}
        {% if not loop.last %}
            union all
        {% endif %}
    {%- endfor %}

),

final as (

    select
        stat_date,
        platform,
        {{- storeops.funnel_keys(['store_id', 'channel']) }}
        {{- storeops.funnel_count_columns() }},
        visitors_is_distinct_count
    from unioned

)

select * from final
