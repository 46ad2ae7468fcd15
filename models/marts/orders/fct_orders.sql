-- One row per order (platform, order_id) of every order export, valid or not: the order mart. A thin,
-- contracted copy of int_orders, the one place a valid order is defined (DECISIONLOG M1-M3).
with

orders as (

    select * from {{ ref('int_orders') }}

),

final as (

    select
        -- ids
        platform,
        order_id,
        store_id,
        member_key,

        -- strings
        order_status,
        source_label,
        channel,
        coupon_code,
        currency,

        -- numerics
        gross_amount,
        refund_amount,
        net_amount,
        deposit_amount,

        -- booleans
        is_paid,
        is_cancelled,
        is_test_order,
        is_fully_refunded,
        is_valid,
        is_member_exported,
        is_presale,

        -- timestamps
        ordered_at,
        paid_at,
        deposit_paid_at,
        order_date

    from orders

)

select * from final
