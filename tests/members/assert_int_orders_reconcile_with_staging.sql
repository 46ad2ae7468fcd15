-- Vertical reconciliation: int_orders holds every staged order of the three order exports once,
-- and its paid gross amount equals the staged amount (Tmall paid_amount_at_payment, own-shop total_amount,
-- generic amount) of the paid orders. Returns the platforms where counts or amounts differ.
with

staged as (

    select
        'tmall' as platform,
        count(*) as orders,
        sum(case when is_paid then paid_amount_at_payment else 0 end) as paid_amount

    from {{ ref('stg_tmall__orders') }}

    union all

    select
        'site' as platform,
        count(*) as orders,
        sum(case when is_paid then total_amount else 0 end) as paid_amount

    from {{ ref('stg_site__orders') }}

    union all

    select
        'generic' as platform,
        count(*) as orders,
        sum(amount) as paid_amount

    from {{ ref('stg_generic__orders') }}

),

conformed as (

    select
        platform,
        count(*) as orders,
        sum(case when is_paid then gross_amount else 0 end) as paid_amount,
        sum(case when platform = 'generic' then gross_amount else 0 end) as generic_amount

    from {{ ref('int_orders') }}
    group by platform

)

select
    staged.platform,
    staged.orders as staged_orders,
    conformed.orders as conformed_orders,
    staged.paid_amount as staged_amount,
    case when staged.platform = 'generic' then conformed.generic_amount else conformed.paid_amount end
        as conformed_amount

from staged
left join conformed
    on staged.platform = conformed.platform
where
    coalesce(conformed.orders, 0) <> staged.orders
    or coalesce(
        case when staged.platform = 'generic' then conformed.generic_amount else conformed.paid_amount end, 0
    ) <> coalesce(staged.paid_amount, 0)
