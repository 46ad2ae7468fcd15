-- Reconciliation, Tmall: Sycm's shop overview per day (paying buyers, GMV, paid orders) against the order
-- export by payment day (distinct buyers, paid amount at payment time, paid orders). The demo exports agree
-- exactly. Real exports can differ (pre-sale balances, orders exported before a late payment, a partial
-- export), so this warns rather than fails, and each returned day says by how much: the differences
-- (Sycm minus orders) and the GMV difference as a share of Sycm's.
{{ config(severity='warn') }}

with

sycm as (

    select
        stat_date,
        paying_buyers,
        paid_amount,
        paid_orders
    from {{ ref('stg_tmall__sycm_shop_daily') }}

),

orders as (

    select
        cast(paid_at as date) as payment_date,
        count(distinct buyer_nick) as paying_buyers,
        sum(paid_amount_at_payment) as paid_amount,
        count(*) as paid_orders
    from {{ ref('stg_tmall__orders') }}
    where paid_at is not null
    group by cast(paid_at as date)

),

compared as (

    select
        coalesce(sycm.stat_date, orders.payment_date) as stat_date,
        sycm.paying_buyers as sycm_paying_buyers,
        orders.paying_buyers as order_paying_buyers,
        coalesce(sycm.paying_buyers, 0) - coalesce(orders.paying_buyers, 0) as paying_buyer_difference,
        sycm.paid_amount as sycm_gmv,
        orders.paid_amount as order_gmv,
        coalesce(sycm.paid_amount, 0) - coalesce(orders.paid_amount, 0) as gmv_difference,
        {{ safe_divide('coalesce(sycm.paid_amount, 0) - coalesce(orders.paid_amount, 0)', 'sycm.paid_amount') }}
            as gmv_difference_share,
        sycm.paid_orders as sycm_paid_orders,
        orders.paid_orders as order_paid_orders

    from sycm
    full outer join orders
        on sycm.stat_date = orders.payment_date
    -- the days Sycm's export covers: order days outside it are the order export's alone (no Sycm to match)
    where
        sycm.stat_date is not null
        or orders.payment_date between (select min(covered.stat_date) from sycm as covered)
        and (select max(covered.stat_date) from sycm as covered)

)

select * from compared
where
    paying_buyer_difference <> 0
    or gmv_difference <> 0
    or coalesce(sycm_paid_orders, order_paid_orders, 0) <> coalesce(order_paid_orders, 0)
