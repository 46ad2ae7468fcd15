-- Tmall order and payment steps per day from the order export alone, for the days that have no Sycm
-- export (an operator who exports orders only, or a slim order export): ordering buyers by order day,
-- paying buyers, paid orders, GMV (at payment time) and net GMV by payment day. Buyer counts are NULL on
-- a day with an order whose export has no 买家会员名 (a distinct count over some buyers would be wrong).
-- The funnel marts take these rows only where Sycm has none (int_funnel_daily_counts__tmall,
-- int_funnel_store_daily_counts).

with

orders as (

    select * from {{ ref('int_funnel_orders') }}
    where platform = 'tmall'

),

ordering as (

    select
        order_date as stat_date,
        store_id,
        case when count(buyer_key) = count(*) then count(distinct buyer_key) end as ordering_buyers

    from orders
    group by order_date, store_id

),

paying as (

    select
        payment_date as stat_date,
        store_id,
        case when count(buyer_key) = count(*) then count(distinct buyer_key) end as paying_buyers,
        count(*) as paid_orders,
        sum(paid_amount) as gmv,
        sum(net_paid_amount) as net_gmv

    from orders
    where is_paid
    group by payment_date, store_id

),

days as (

    select
        stat_date,
        store_id
    from ordering
    union
    select
        stat_date,
        store_id
    from paying

),

-- the store-grain funnel row (int_funnel_store_daily_counts' columns): steps the order export does not
-- report are NULL
final as (

    select
        -- keys
        days.stat_date,
        'tmall' as platform,
        days.store_id,

        -- numerics: the steps the order export reports (macros/funnel.sql: the others NULL)
        {{- funnel_steps({
            'ordering_buyers': 'coalesce(ordering.ordering_buyers, case when ordering.stat_date is null then 0 end)',
            'paying_buyers': 'coalesce(paying.paying_buyers, case when paying.stat_date is null then 0 end)',
            'paid_orders': 'coalesce(paying.paid_orders, 0)',
            'gmv': 'coalesce(paying.gmv, 0)',
            'net_gmv': 'coalesce(paying.net_gmv, 0)',
        }) }}

    from days
    left join ordering
        on days.stat_date = ordering.stat_date and days.store_id = ordering.store_id
    left join paying
        on days.stat_date = paying.stat_date and days.store_id = paying.store_id

)

select * from final
