-- The platform side of channel ROI: one row per stat_date, platform and channel with spend or a
-- platform-attributed figure (DECISIONLOG R2, R5). Spend, impressions and clicks are the cost sources of the
-- spend vocabulary (int_channel_spend_daily) summed per channel; the platform's own attributed orders and
-- revenue come as they are from int_platform_channel_revenue_daily. A measure nobody reports that day is NULL.
-- Own-shop (site) rows carry the manual costs only; the own shop's sessions and warehouse attribution are
-- int_channel_roi_site_daily. fct_channel_roi_daily joins the two.
with

spend as (

    select * from {{ ref('int_channel_spend_daily') }}

),

platform_revenue as (

    select * from {{ ref('int_platform_channel_revenue_daily') }}

),

-- the day's cost sources summed per platform and channel
spend_daily as (

    select
        stat_date,
        platform,
        channel,
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        -- an export (not the hand-kept seed) reports a cost that day
        max(case when cost_source <> 'manual_costs' then 1 else 0 end) = 1 as has_export_spend

    from spend
    group by stat_date, platform, channel

),

-- matched on the day, platform and channel: either side may be missing
final as (

    select
        -- dates
        coalesce(spend_daily.stat_date, platform_revenue.stat_date) as stat_date,

        -- strings
        coalesce(spend_daily.platform, platform_revenue.platform) as platform,
        coalesce(spend_daily.channel, platform_revenue.channel) as channel,

        -- numerics
        cast(spend_daily.spend as {{ storeops.type_money() }}) as spend,
        cast(spend_daily.impressions as bigint) as impressions,
        cast(spend_daily.clicks as bigint) as clicks,
        platform_revenue.platform_attributed_orders,
        platform_revenue.platform_attributed_revenue,

        -- labels
        platform_revenue.platform_attribution_basis,

        -- flags: an export (an ad report or a platform figure), not only the manual costs, reports on the row
        coalesce(spend_daily.has_export_spend, false) or platform_revenue.stat_date is not null as has_export_data

    from spend_daily
    full outer join platform_revenue
        on
            spend_daily.stat_date = platform_revenue.stat_date
            and spend_daily.platform = platform_revenue.platform
            and spend_daily.channel = platform_revenue.channel

)

select * from final
