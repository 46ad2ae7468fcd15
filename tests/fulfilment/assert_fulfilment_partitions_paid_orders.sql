-- Every paid order is in exactly one fulfilment state (DECISIONLOG U2): per platform, fct_fulfilment_daily's
-- paid_orders add up to int_orders' paid orders and to the orders of int_fulfilment_orders, its six state counts
-- add up to paid_orders on every row, and orders_due and late_orders are the sums they are named after. Returns
-- each platform or row that breaks one.
with

paid as (

    select
        platform,
        count(*) as paid_orders

    from {{ ref('int_orders') }}
    where is_paid
    group by platform

),

fulfilment as (

    select * from {{ ref('fct_fulfilment_daily') }}

),

per_platform as (

    select
        platform,
        sum(paid_orders) as paid_orders

    from fulfilment
    group by platform

),

platform_gaps as (

    select
        coalesce(paid.platform, per_platform.platform) as platform,
        cast(null as date) as stat_date,
        'paid orders: int_orders ' || coalesce(paid.paid_orders, 0) || ', fct_fulfilment_daily '
        || coalesce(per_platform.paid_orders, 0) as problem

    from paid
    full outer join per_platform
        on paid.platform = per_platform.platform
    where paid.paid_orders is distinct from per_platform.paid_orders

),

row_gaps as (

    select
        platform,
        stat_date,
        'states do not add up for carrier ' || carrier as problem

    from fulfilment
    where
        paid_orders <> shipped_on_time + shipped_late + unshipped_overdue + awaiting_shipment + closed_unshipped
        + ship_time_not_exported
        or orders_due <> shipped_on_time + shipped_late + unshipped_overdue + awaiting_shipment
        or late_orders <> shipped_late + unshipped_overdue

)

select * from platform_gaps
union all
select * from row_gaps
