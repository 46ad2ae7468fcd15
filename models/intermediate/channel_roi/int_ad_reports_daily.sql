-- The ad reports in the spend vocabulary (Fivetran ad-reporting style), per day and report, with their channel:
-- Zhitongche / Wanxiangtai (Tmall) and Alibaba.com P4P, each one source label in the channel map (直通车, P4P).
-- Grain: stat_date, cost_source (one platform and channel each). A measure a report does not give is NULL.
-- Read by the spend (int_channel_spend_daily) and by the platforms' own attributed revenue.
{{ config(materialized='table') }}

with

zhitongche as (

    select * from {{ ref('stg_tmall__zhitongche') }}

),

p4p as (

    select * from {{ ref('stg_alibaba_com__p4p') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}

),

ad_reports as (

    select
        stat_date,
        'tmall' as platform,
        '直通车' as source_label,
        'zhitongche' as cost_source,
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
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        cast(null as bigint) as platform_conversions,
        cast(null as {{ storeops.type_money() }}) as platform_conversion_value,
        cast(null as {{ dbt.type_string() }}) as platform_attribution_window

    from p4p
    group by stat_date

),

final as (

    select
        -- dates
        ad_reports.stat_date,

        -- strings
        ad_reports.platform,
        coalesce(channel_map.channel, 'other') as channel,
        ad_reports.cost_source,
        'ad_spend' as cost_type,

        -- numerics
        cast(ad_reports.spend as {{ storeops.type_money() }}) as spend,
        cast(ad_reports.impressions as bigint) as impressions,
        cast(ad_reports.clicks as bigint) as clicks,
        cast(ad_reports.platform_conversions as bigint) as platform_conversions,
        cast(ad_reports.platform_conversion_value as {{ storeops.type_money() }}) as platform_conversion_value,

        -- labels
        ad_reports.platform_attribution_window

    from ad_reports
    left join channel_map
        on
            ad_reports.platform = channel_map.platform
            and ad_reports.source_label = channel_map.source_label

)

select * from final
