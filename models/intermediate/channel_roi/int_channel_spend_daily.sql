-- One spend vocabulary (Fivetran ad-reporting style), before any ratio: every cost source mapped onto
-- spend, impressions, clicks, platform_conversions, platform_conversion_value per day, platform and channel.
-- Grain: stat_date, platform, channel, cost_source, cost_type. A measure a source does not report is NULL.
-- Each platform keeps its own day: China day for Tmall and the manual costs, US Pacific day for Alibaba.com.
{{ config(materialized='table') }}

with

zhitongche as (

    select * from {{ ref('stg_tmall__zhitongche') }}

),

p4p as (

    select * from {{ ref('stg_alibaba_com__p4p') }}

),

manual_costs as (

    select * from {{ ref('int_manual_costs_spread_daily') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}

),

-- the ad reports are one source label each in the channel map (直通车 for Zhitongche / Wanxiangtai, P4P)
ad_reports as (

    select
        stat_date,
        'tmall' as platform,
        '直通车' as source_label,
        'zhitongche' as cost_source,
        'ad_spend' as cost_type,
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(total_orders) as platform_conversions,
        sum(total_gmv) as platform_conversion_value,
        'zhitongche: orders within {{ var("zhitongche_attribution_window_days") }} days of an ad click, '
        || 'direct + indirect, incl. postage' as platform_attribution_window

    from zhitongche
    group by stat_date

    union all

    select
        stat_date,
        'alibaba_com' as platform,
        'P4P' as source_label,
        'alibaba_com_p4p' as cost_source,
        'ad_spend' as cost_type,
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        cast(null as bigint) as platform_conversions,
        cast(null as {{ storeops.type_money() }}) as platform_conversion_value,
        cast(null as {{ dbt.type_string() }}) as platform_attribution_window

    from p4p
    group by stat_date

),

ad_reports_mapped as (

    select
        ad_reports.stat_date,
        ad_reports.platform,
        coalesce(channel_map.channel, 'other') as channel,
        ad_reports.cost_source,
        ad_reports.cost_type,
        ad_reports.spend,
        ad_reports.impressions,
        ad_reports.clicks,
        ad_reports.platform_conversions,
        ad_reports.platform_conversion_value,
        ad_reports.platform_attribution_window

    from ad_reports
    left join channel_map
        on
            ad_reports.platform = channel_map.platform
            and ad_reports.source_label = channel_map.source_label

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

    select * from ad_reports_mapped
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
