-- The platform-attributed revenue in the mart equals its sources, for every attribution model:
--   Tmall paid search = Zhitongche 总成交金额 (staged); the other Tmall channels = Sycm 流量来源 支付金额 of the
--   labels whose channel is not paid search (staged); generic = paid generic orders with a channel (int_orders).
-- Returns each model / part whose totals differ, with both figures.
with

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}
    where platform = 'tmall'

),

zhitongche as (

    select sum(total_gmv) as revenue from {{ ref('stg_tmall__zhitongche') }}

),

sycm as (

    select sum(sycm_sources.paid_amount) as revenue

    from {{ ref('stg_tmall__sycm_traffic_sources') }} as sycm_sources
    left join channel_map
        on sycm_sources.traffic_source = channel_map.source_label
    where coalesce(channel_map.channel, 'other') <> 'paid_search'

),

generic as (

    select sum(gross_amount) as revenue

    from {{ ref('int_orders') }}
    where
        platform = 'generic'
        and channel is not null
        and is_paid
        and not is_cancelled
        and not is_test_order

),

expected as (

    select
        'tmall paid_search' as part,
        revenue
    from zhitongche
    union all
    select
        'tmall other channels' as part,
        revenue
    from sycm
    union all
    select
        'generic' as part,
        revenue
    from generic

),

actual as (

    select
        attribution_model,
        case
            when platform = 'tmall' and channel = 'paid_search' then 'tmall paid_search'
            when platform = 'tmall' then 'tmall other channels'
            else platform
        end as part,
        sum(platform_attributed_revenue) as revenue

    from mart
    where platform in ('tmall', 'generic')
    group by 1, 2

),

models as (

    select distinct attribution_model from mart

),

compared as (

    select
        models.attribution_model,
        expected.part,
        coalesce(expected.revenue, 0) as expected_revenue,
        coalesce(actual.revenue, 0) as mart_revenue

    from models
    cross join expected
    left join actual
        on
            models.attribution_model = actual.attribution_model
            and expected.part = actual.part

)

select * from compared
where expected_revenue <> mart_revenue
