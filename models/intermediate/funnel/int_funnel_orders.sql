-- One row per order of the order-level platforms (Tmall order export, own shop, generic), with what the
-- funnel needs: the buyer, the day the order was placed, the day it was paid, gross and net amounts
-- (int_orders: the project's one definition of paid and refunded) and, for the own shop and the
-- generic export, the channel.
-- Own shop: the channel of the order's session, as int_funnel_site_order_sessions places it (its purchase
-- event's session, else the buyer's latest session started by the order time); an order with no session
-- at all is channel `other`.
-- Tmall orders carry no traffic source: their channel is NULL (Sycm splits Tmall by source).
{{ config(materialized='table') }}

with

orders as (

    select * from {{ ref('int_orders') }}

),

site_order_sessions as (

    select * from {{ ref('int_funnel_site_order_sessions') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

final as (

    select
        -- ids
        orders.platform,
        -- the Tmall exports are one shop's (Sycm has no store column): its orders take that shop's id
        case
            when orders.platform = 'generic' then coalesce(orders.store_id, stores.default_store_id)
            else stores.default_store_id
        end as store_id,
        orders.order_id,
        orders.member_key as buyer_key,
        site_order_sessions.session_key,

        -- strings
        case
            when orders.platform = 'site' then coalesce(site_order_sessions.channel, 'other')
            when orders.platform = 'generic' then coalesce(orders.channel, 'other')
        end as channel,
        site_order_sessions.session_match,

        -- numerics
        case when orders.is_paid then orders.gross_amount end as paid_amount,
        case when orders.is_paid then orders.net_amount end as net_paid_amount,

        -- booleans
        orders.is_paid,

        -- timestamps
        orders.ordered_at,
        orders.paid_at,
        orders.order_date,
        -- the day the order counts as paid: its payment day; an order paid by status alone (a generic
        -- export without payment times) on its order day
        case
            when orders.is_paid then coalesce(cast(orders.paid_at as date), orders.order_date)
        end as payment_date

    from orders
    inner join stores
        on orders.platform = stores.platform
    left join site_order_sessions
        on
            orders.order_id = site_order_sessions.order_id
            and orders.platform = site_order_sessions.platform

)

select * from final
