-- One row per own-shop session (30-minute inactivity rule, int_site_sessions) with its funnel:
-- event counts per step, open-funnel flags (the step happened anywhere in the session) and
-- closed-funnel flags (the step happened after the previous closed step, earlier in the same session:
-- page order is event_sequence, i.e. time, ties by event_id). Purchases are deduplicated on
-- transaction_id across the whole export: a transaction counts once, in the session of its first
-- purchase event.
{{ config(materialized='table') }}

with

sessions as (

    select * from {{ ref('int_site_sessions') }}

),

events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

-- a transaction is counted once: at its first purchase event (time, then event_id; int_site_purchases)
counted_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

step_counts as (

    select
        session_key,
        count(case when event_name = 'page_view' then 1 end) as page_views,
        count(case when event_name = 'view_item' then 1 end) as item_views,
        count(case when event_name = 'add_to_cart' then 1 end) as add_to_carts,
        count(case when event_name = 'begin_checkout' then 1 end) as checkouts

    from events
    group by session_key

),

purchase_counts as (

    select
        session_key,
        count(*) as purchases,
        sum(purchase_revenue) as revenue

    from counted_purchases
    group by session_key

),

-- closed funnel: the first occurrence of each step after the previous step was reached
closed_view_item as (

    select
        session_key,
        min(event_sequence) as reached_at_sequence

    from events
    where event_name = 'view_item'
    group by session_key

),

closed_add_to_cart as (

    select
        events.session_key,
        min(events.event_sequence) as reached_at_sequence

    from events
    inner join closed_view_item
        on
            events.session_key = closed_view_item.session_key
            and events.event_sequence > closed_view_item.reached_at_sequence
    where events.event_name = 'add_to_cart'
    group by events.session_key

),

closed_checkout as (

    select
        events.session_key,
        min(events.event_sequence) as reached_at_sequence

    from events
    inner join closed_add_to_cart
        on
            events.session_key = closed_add_to_cart.session_key
            and events.event_sequence > closed_add_to_cart.reached_at_sequence
    where events.event_name = 'begin_checkout'
    group by events.session_key

),

closed_purchase as (

    select
        counted_purchases.session_key,
        min(counted_purchases.event_sequence) as reached_at_sequence

    from counted_purchases
    inner join closed_checkout
        on
            counted_purchases.session_key = closed_checkout.session_key
            and counted_purchases.event_sequence > closed_checkout.reached_at_sequence
    group by counted_purchases.session_key

),

final as (

    select
        -- ids
        sessions.session_key,
        sessions.user_pseudo_id,
        cast(sessions.session_number as {{ dbt.type_bigint() }}) as session_number,

        -- strings
        sessions.source,
        sessions.medium,
        sessions.campaign,
        sessions.source_label,
        sessions.channel,
        sessions.device_category,

        -- numerics
        sessions.events,
        sessions.duration_seconds,
        coalesce(step_counts.page_views, 0) as page_views,
        coalesce(step_counts.item_views, 0) as item_views,
        coalesce(step_counts.add_to_carts, 0) as add_to_carts,
        coalesce(step_counts.checkouts, 0) as checkouts,
        coalesce(purchase_counts.purchases, 0) as purchases,
        cast(coalesce(purchase_counts.revenue, 0) as {{ storeops.type_money() }}) as revenue,

        -- booleans: open funnel (the step happened in the session)
        coalesce(step_counts.page_views, 0) > 0 as has_page_view,
        coalesce(step_counts.item_views, 0) > 0 as has_view_item,
        coalesce(step_counts.add_to_carts, 0) > 0 as has_add_to_cart,
        coalesce(step_counts.checkouts, 0) > 0 as has_checkout,
        coalesce(purchase_counts.purchases, 0) > 0 as has_purchase,

        -- booleans: closed funnel (each step after the previous one, in this session)
        closed_view_item.session_key is not null as reached_view_item,
        closed_add_to_cart.session_key is not null as reached_add_to_cart,
        closed_checkout.session_key is not null as reached_checkout,
        closed_purchase.session_key is not null as reached_purchase,

        sessions.is_new_visitor,

        -- timestamps
        sessions.session_started_at,
        sessions.session_ended_at,
        sessions.session_date

    from sessions
    left join step_counts
        on sessions.session_key = step_counts.session_key
    left join purchase_counts
        on sessions.session_key = purchase_counts.session_key
    left join closed_view_item
        on sessions.session_key = closed_view_item.session_key
    left join closed_add_to_cart
        on sessions.session_key = closed_add_to_cart.session_key
    left join closed_checkout
        on sessions.session_key = closed_checkout.session_key
    left join closed_purchase
        on sessions.session_key = closed_purchase.session_key

)

select * from final
