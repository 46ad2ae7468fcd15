-- Own-shop conversions for the warehouse's attribution: one row per paid own-shop order (DECISIONLOG R3).
-- A conversion is an int_orders row of platform `site` that is paid, not cancelled and not a test order
-- (a later refund does not undo it); revenue is its gross amount (refunds not subtracted, as the platforms
-- report attributed GMV), net revenue beside it. Purchase events are deduplicated on transaction_id: the
-- first one gives the conversion time and the converting session; an order without one converts at paid_at.
-- A new customer: the order is the member's first valid order (int_orders.is_valid), as in dim_members.
{{ config(materialized='table') }}

with

orders as (

    select * from {{ ref('int_orders') }}
    where platform = 'site'

),

site_orders as (

    select * from {{ ref('stg_site__orders') }}

),

-- the first purchase event of each transaction (int_site_purchases)
site_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

first_purchases as (

    select * from site_purchases
    where transaction_id is not null

),

first_valid_orders as (

    select
        order_id,
        row_number() over (partition by member_key order by ordered_at, order_id) as valid_order_number

    from orders
    where is_valid

),

conversions as (

    select
        orders.order_id,
        orders.member_key,
        coalesce(first_purchases.user_pseudo_id, site_orders.user_pseudo_id) as user_pseudo_id,
        first_purchases.session_key as converting_session_key,
        -- purchase events are UTC; order times are China time (UTC+8)
        coalesce(
            first_purchases.event_timestamp,
            {{ storeops.utc_time('orders.paid_at', 'site') }}
        ) as converted_at,
        orders.gross_amount as revenue,
        orders.net_amount as net_revenue,
        coalesce(first_valid_orders.valid_order_number = 1, false) as is_new_customer,
        first_purchases.transaction_id is not null as has_purchase_event

    from orders
    left join site_orders
        on orders.order_id = site_orders.order_id
    left join first_purchases
        on orders.order_id = first_purchases.transaction_id
    left join first_valid_orders
        on orders.order_id = first_valid_orders.order_id
    where
        orders.is_paid
        and not orders.is_cancelled
        and not orders.is_test_order

),

final as (

    select
        -- ids
        order_id,
        member_key,
        user_pseudo_id,
        converting_session_key,

        -- numerics
        revenue,
        net_revenue,

        -- booleans
        is_new_customer,
        has_purchase_event,

        -- timestamps
        converted_at,
        cast({{ storeops.shop_time('converted_at', 'site') }} as date) as conversion_date

    from conversions

)

select * from final
