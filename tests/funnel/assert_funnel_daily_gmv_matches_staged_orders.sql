-- Reconciliation, own shop and generic: fct_funnel_daily GMV per day and platform (summed over channels)
-- equals the staged orders paid that day, and so does fct_funnel_store_daily. The staged side is restated
-- here from staging, not from int_orders: an own-shop order is paid when it has a payment time; a generic
-- order when it has one, or, without one, when its status is not an unpaid or cancelled one (it then
-- counts on its order day). Returns each day, platform and model that differs, with both sides.
with

site_orders as (

    select
        'site' as platform,
        cast(paid_at as date) as payment_date,
        total_amount as paid_amount
    from {{ ref('stg_site__orders') }}
    where paid_at is not null

),

generic_orders as (

    select
        'generic' as platform,
        coalesce(cast(paid_at as date), cast(ordered_at as date)) as payment_date,
        amount as paid_amount
    from {{ ref('stg_generic__orders') }}
    where
        paid_at is not null
        or coalesce(lower(trim(status)), 'paid') not in (
            'cancelled', 'canceled', 'cancel', 'closed', 'void', 'voided', 'failed', 'declined', 'rejected',
            'expired', '已取消', '取消', '交易关闭', '关闭',
            'pending', 'unpaid', 'awaiting_payment', 'pending_payment', 'created', '待付款', '未付款', '等待买家付款'
        )

),

staged as (

    select
        platform,
        payment_date as stat_date,
        sum(paid_amount) as staged_gmv
    from (
        select * from site_orders
        union all
        select * from generic_orders
    ) as paid_orders
    group by platform, payment_date

),

marts as (

    select
        'fct_funnel_daily' as mart,
        stat_date,
        platform,
        sum(gmv) as mart_gmv
    from {{ ref('fct_funnel_daily') }}
    where platform in ('site', 'generic')
    group by stat_date, platform
    union all
    select
        'fct_funnel_store_daily' as mart,
        stat_date,
        platform,
        sum(gmv) as mart_gmv
    from {{ ref('fct_funnel_store_daily') }}
    where platform in ('site', 'generic')
    group by stat_date, platform

),

mart_names as (

    select 'fct_funnel_daily' as mart
    union all
    select 'fct_funnel_store_daily' as mart

),

expected as (

    select
        mart_names.mart,
        staged.platform,
        staged.stat_date,
        staged.staged_gmv
    from staged
    cross join mart_names

)

select
    coalesce(expected.mart, marts.mart) as mart,
    coalesce(expected.stat_date, marts.stat_date) as stat_date,
    coalesce(expected.platform, marts.platform) as platform,
    expected.staged_gmv,
    marts.mart_gmv,
    coalesce(marts.mart_gmv, 0) - coalesce(expected.staged_gmv, 0) as gmv_difference

from expected
full outer join marts
    on
        expected.mart = marts.mart
        and expected.stat_date = marts.stat_date
        and expected.platform = marts.platform
where coalesce(marts.mart_gmv, 0) <> coalesce(expected.staged_gmv, 0)
