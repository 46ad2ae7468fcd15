-- Reconciliation, Tmall: fct_funnel_daily GMV per day (Sycm traffic sources summed over channels) and
-- fct_funnel_store_daily GMV (Sycm shop overview) against the staged order export, paid amount by payment
-- day. Exact on the demo exports; with real exports Sycm may attribute one order to several sources, or
-- differ from the order export, so this warns and says by how much (difference and share of the orders').
{{ config(severity='warn') }}

with

orders as (

    select
        cast(paid_at as date) as stat_date,
        sum(paid_amount_at_payment) as staged_gmv
    from {{ ref('stg_tmall__orders') }}
    where paid_at is not null
    group by cast(paid_at as date)

),

marts as (

    select
        'fct_funnel_daily' as mart,
        stat_date,
        sum(gmv) as mart_gmv
    from {{ ref('fct_funnel_daily') }}
    where platform = 'tmall'
    group by stat_date
    union all
    select
        'fct_funnel_store_daily' as mart,
        stat_date,
        sum(gmv) as mart_gmv
    from {{ ref('fct_funnel_store_daily') }}
    where platform = 'tmall'
    group by stat_date

),

mart_names as (

    select 'fct_funnel_daily' as mart
    union all
    select 'fct_funnel_store_daily' as mart

),

expected as (

    select
        mart_names.mart,
        orders.stat_date,
        orders.staged_gmv
    from orders
    cross join mart_names

),

compared as (

    select
        coalesce(expected.mart, marts.mart) as mart,
        coalesce(expected.stat_date, marts.stat_date) as stat_date,
        expected.staged_gmv,
        marts.mart_gmv,
        coalesce(marts.mart_gmv, 0) - coalesce(expected.staged_gmv, 0) as gmv_difference,
        {{ safe_divide('coalesce(marts.mart_gmv, 0) - coalesce(expected.staged_gmv, 0)', 'expected.staged_gmv') }}
            as gmv_difference_share

    from expected
    full outer join marts
        on
            expected.mart = marts.mart
            and expected.stat_date = marts.stat_date

)

select * from compared
where gmv_difference <> 0
