-- One row per order of the order-level platforms (Tmall order export, own shop, generic), with what the
-- funnel needs: the buyer, the day the order was placed, the day it was paid, gross and net amounts
-- (int_orders: the project's one definition of paid and refunded) and, for the own shop and the
-- generic export, the channel.
-- Own shop: the order's session is the session of its purchase event (transaction_id); an order
-- without one (unpaid, or a purchase the tracking missed) takes the buyer's latest session that
-- started before the order was created; an order with no session at all is channel `other`.
-- Tmall orders carry no traffic source: their channel is NULL (Sycm splits Tmall by source).
{{ config(materialized='table') }}

with

orders as (

    select * from {{ ref('int_orders') }}

),

site_orders as (

    select * from {{ ref('stg_site__orders') }}

),

site_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

site_sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

-- the session of each transaction's first purchase event (time, then event_id; int_site_purchases)
purchase_sessions as (

    select
        transaction_id as order_id,
        session_key

    from site_purchases
    where transaction_id is not null

),

site_orders_timed as (

    select
        orders.order_id,
        site_orders.user_pseudo_id,
        -- order times are China time, event times UTC
        {{ storeops.utc_time('orders.ordered_at', 'site') }} as ordered_at_utc

    from orders
    inner join site_orders
        on orders.order_id = site_orders.order_id
    where orders.platform = 'site'

),

-- orders the purchase events do not place: the buyer's latest session started by the order time
-- (one second of slack: order times are whole seconds, event times microseconds)
sessions_before_order as (

    select
        site_orders_timed.order_id,
        site_sessions.session_key,
        row_number() over (
            partition by site_orders_timed.order_id
            order by site_sessions.session_started_at desc, site_sessions.session_key desc
        ) as recency

    from site_orders_timed
    inner join site_sessions
        on
            site_orders_timed.user_pseudo_id = site_sessions.user_pseudo_id
            and site_sessions.session_started_at
            <= {{ dbt.dateadd('second', 1, 'site_orders_timed.ordered_at_utc') }}
    left join purchase_sessions
        on site_orders_timed.order_id = purchase_sessions.order_id
    where purchase_sessions.order_id is null

),

site_order_sessions as (

    select
        -- the platform rides along so the final join is an equi-join on (order_id, platform):
        -- a constant condition in the join would make DuckDB pair every order with every site order
        'site' as platform,
        site_orders_timed.order_id,
        coalesce(purchase_sessions.session_key, sessions_before_order.session_key) as session_key,
        case
            when purchase_sessions.session_key is not null then 'purchase_event'
            when sessions_before_order.session_key is not null then 'session_before_order'
            else 'none'
        end as session_match

    from site_orders_timed
    left join purchase_sessions
        on site_orders_timed.order_id = purchase_sessions.order_id
    left join sessions_before_order
        on
            site_orders_timed.order_id = sessions_before_order.order_id
            and sessions_before_order.recency = 1

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
            when orders.platform = 'site' then coalesce(site_sessions.channel, 'other')
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
    left join site_sessions
        on site_order_sessions.session_key = site_sessions.session_key

)

select * from final
