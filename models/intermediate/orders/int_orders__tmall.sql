-- Tmall orders conformed to int_orders: one row per order_id of the Tmall order export (every order, valid or
-- not). Refunds come from the order export's 退款金额, else from the refund export; a test order is one whose
-- seller note or order note says so; statuses through the seed order_status_map (macro conform_orders).
with

tmall_orders as (

    select * from {{ ref('stg_tmall__orders') }}

),

tmall_refunds as (

    select * from {{ ref('stg_tmall__refunds') }}

),

-- successful refunds per order, used where the order export leaves 退款金额 out
tmall_refunded as (

    select
        order_id,
        sum(refund_amount) as refunded_amount

    from tmall_refunds
    where refund_status = '退款成功'
    group by order_id

),

tmall as (

    select
        'tmall' as platform,
        tmall_orders.store_id,
        tmall_orders.order_id,
        tmall_orders.buyer_nick as member_key,
        tmall_orders.order_status,
        cast(null as {{ dbt.type_string() }}) as source_label,
        cast(null as {{ dbt.type_string() }}) as channel,
        cast(null as {{ dbt.type_string() }}) as coupon_code,
        'CNY' as currency,
        tmall_orders.has_buyer_column as is_member_exported,
        case
            when tmall_orders.is_paid then tmall_orders.paid_amount_at_payment else tmall_orders.total_amount
        end as gross_amount,
        coalesce(tmall_orders.refund_amount, tmall_refunded.refunded_amount) as refund_amount,
        tmall_orders.is_paid,
        coalesce(
            tmall_orders.seller_note like '%测试单%'
            or tmall_orders.seller_note like '%测试订单%'
            or tmall_orders.order_note like '%测试单%'
            or tmall_orders.order_note like '%测试订单%',
            false
        ) as has_test_note,
        tmall_orders.created_at as ordered_at,
        -- a pre-sale order is paid when its balance is (stg_tmall__orders)
        tmall_orders.paid_at,
        tmall_orders.is_presale,
        tmall_orders.deposit_amount,
        tmall_orders.deposit_paid_at

    from tmall_orders
    left join tmall_refunded
        on tmall_orders.order_id = tmall_refunded.order_id

),

final as (

    {{ storeops.conform_orders('tmall') }}

)

select * from final
