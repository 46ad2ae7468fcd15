-- One spend vocabulary (Fivetran ad-reporting style), before any ratio: every cost source mapped onto
-- spend, impressions, clicks, platform_conversions, platform_conversion_value per day, platform and channel.
-- Grain: stat_date, platform, channel, cost_source, cost_type. A measure a source does not report is NULL.
-- Each platform keeps its own day: China day for Tmall and the manual costs, US Pacific day for Alibaba.com.
-- The ad reports come mapped from int_ad_reports_daily; the manual costs seed spread over days is added here.
{{ config(materialized='table') }}

with

ad_reports as (

    select * from {{ ref('int_ad_reports_daily') }}

),

manual_costs as (

    select * from {{ ref('int_manual_costs_spread_daily') }}

),

manual as (

    select
        stat_date,
        platform,
        channel,
        'manual_costs' as cost_source,
        cost_type,
        sum(spend) as spend,
        cast(null as bigint) as impressions,
        cast(null as bigint) as clicks,
        cast(null as bigint) as platform_conversions,
        cast(null as {{ storeops.type_money() }}) as platform_conversion_value,
        cast(null as {{ dbt.type_string() }}) as platform_attribution_window

    from manual_costs
    group by stat_date, platform, channel, cost_type

),

unioned as (

    select * from ad_reports
    union all
    select * from manual

),

final as (

    select
        -- dates
        stat_date,

        -- strings
        platform,
        channel,
        cost_source,
        cost_type,

        -- numerics
        cast(spend as {{ storeops.type_money() }}) as spend,
        cast(impressions as bigint) as impressions,
        cast(clicks as bigint) as clicks,
        cast(platform_conversions as bigint) as platform_conversions,
        cast(platform_conversion_value as {{ storeops.type_money() }}) as platform_conversion_value,

        -- labels
        platform_attribution_window

    from unioned

)

select * from final
