-- The platforms' own attributed revenue per day, platform and channel (DECISIONLOG R5), one basis per channel:
--   1. an ad report's own figure where the channel has one (Zhitongche 总成交金额: 15-day click window,
--      direct + indirect);
--   2. otherwise Tmall Sycm 流量来源 支付金额 (payments that day by visitors who came from the source);
--   3. generic orders: the export's own channel label per paid order.
-- Grain: stat_date, platform, channel. platform_attribution_basis says which figure a row holds.
{{ config(materialized='table') }}

with

ad_reports as (

    select * from {{ ref('int_ad_reports_daily') }}

),

sycm_sources as (

    select * from {{ ref('stg_tmall__sycm_traffic_sources') }}

),

orders as (

    select * from {{ ref('int_orders') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}
    where platform = 'tmall'

),

ad_report_revenue as (

    select
        stat_date,
        platform,
        channel,
        sum(platform_conversions) as platform_attributed_orders,
        sum(platform_conversion_value) as platform_attributed_revenue,
        min(platform_attribution_window) as platform_attribution_basis

    from ad_reports
    where platform_conversion_value is not null
    group by stat_date, platform, channel

),

-- a channel whose ad report carries conversion values takes that figure on every day, never Sycm's
ad_report_channels as (

    select distinct
        platform,
        channel

    from ad_report_revenue

),

sycm_revenue as (

    select
        sycm_sources.stat_date,
        'tmall' as platform,
        coalesce(channel_map.channel, 'other') as channel,
        cast(null as bigint) as platform_attributed_orders,
        sum(sycm_sources.paid_amount) as platform_attributed_revenue,
        'sycm: payments that day by visitors from the traffic source (流量来源 支付金额)'
            as platform_attribution_basis

    from sycm_sources
    left join channel_map
        on sycm_sources.traffic_source = channel_map.source_label
    group by sycm_sources.stat_date, coalesce(channel_map.channel, 'other')

),

sycm_revenue_kept as (

    select sycm_revenue.*
    from sycm_revenue
    left join ad_report_channels
        on
            sycm_revenue.platform = ad_report_channels.platform
            and sycm_revenue.channel = ad_report_channels.channel
    where ad_report_channels.channel is null

),

generic_revenue as (

    select
        cast(coalesce(paid_at, ordered_at) as date) as stat_date,
        platform,
        channel,
        count(*) as platform_attributed_orders,
        sum(gross_amount) as platform_attributed_revenue,
        'generic: paid orders by the export''s own channel label' as platform_attribution_basis

    from orders
    where
        platform = 'generic'
        and channel is not null
        and is_paid
        and not is_cancelled
        and not is_test_order
    group by cast(coalesce(paid_at, ordered_at) as date), platform, channel

),

unioned as (

    select * from ad_report_revenue
    union all
    select * from sycm_revenue_kept
    union all
    select * from generic_revenue

),

final as (

    select
        -- dates
        stat_date,

        -- strings
        platform,
        channel,

        -- numerics
        cast(platform_attributed_orders as bigint) as platform_attributed_orders,
        cast(platform_attributed_revenue as {{ storeops.type_money() }}) as platform_attributed_revenue,

        -- labels
        platform_attribution_basis

    from unioned

)

select * from final
