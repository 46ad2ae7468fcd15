-- All five attribution models are in the mart, for every day, platform and channel, with the same spend in each
-- and exactly one default row (the names themselves are an accepted_values test on the column).
-- Returns each day / platform / channel that lacks a model or whose spend differs between models.
{%- set attribution_models = ['last_click', 'first_click', 'linear', 'time_decay', 'position_based'] %}

with

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}

),

per_key as (

    select
        stat_date,
        platform,
        channel,
        count(distinct attribution_model) as models,
        min(spend) as min_spend,
        max(spend) as max_spend,
        sum(case when is_default_attribution_model then 1 else 0 end) as default_rows

    from mart
    group by stat_date, platform, channel

)

select * from per_key
where
    models <> {{ attribution_models | length }}
    or min_spend <> max_spend
    or default_rows <> 1
