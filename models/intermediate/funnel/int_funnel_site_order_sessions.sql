-- One row per own-shop order (stg_site__orders: the same orders as int_orders__site): the session it
-- belongs to, how it was found, and that session's channel. The order's session is the session of its
-- purchase event (transaction_id); an order without one (unpaid, or a purchase the tracking missed) takes
-- the buyer's latest session that started before the order was created; an order with no session at all
-- has none, and channel `other`. int_funnel_orders takes the channel from here, so it reads neither the
-- sessions nor the own-shop orders a second time. A table: its tests would each recompute a view.
{{ config(materialized='table') }}

with

site_orders as (

    select * from {{ ref('stg_site__orders') }}

),

site_sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),

-- the session of each transaction's first purchase event (time, then event_id; int_site_purchases)
purchase_sessions as (

    select
        transaction_id as order_id,
        session_key

    from {{ ref('int_site_purchases') }}
    where transaction_id is not null

),

site_orders_timed as (

    select
        order_id,
        user_pseudo_id,
        -- order times are China time, event times UTC (created_at is int_orders.ordered_at)
        {{ storeops.utc_time('created_at', 'site') }} as ordered_at_utc

    from site_orders

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

order_sessions as (

    select
        -- ids
        -- the platform rides along so that int_funnel_orders joins on (order_id, platform): a constant
        -- condition in that join would make DuckDB pair every order with every site order
        'site' as platform,
        site_orders_timed.order_id,
        coalesce(purchase_sessions.session_key, sessions_before_order.session_key) as session_key,

        -- strings
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
        order_sessions.platform,
        order_sessions.order_id,
        order_sessions.session_key,

        -- strings
        order_sessions.session_match,
        -- the channel of the order's session; an order with no session is `other`
        coalesce(site_sessions.channel, 'other') as channel

    from order_sessions
    left join site_sessions
        on order_sessions.session_key = site_sessions.session_key

)

select * from final
