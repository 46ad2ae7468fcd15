-- Successful refunds with their reason category: one row per platform + refund (DECISIONLOG A1, A2).
-- Tmall: the refund export's rows with 退款状态 退款成功, reason 退款原因, a return when 是否需要退货 is 是.
-- Other platforms have no refund export: an order of int_orders with a refund is one refund with no
-- reason (`other`) and no return flag.

with

tmall_refunds as (

    select
        'tmall' as platform,
        order_id,
        refund_id,
        refund_reason as reason,
        refund_amount,
        trim(needs_return) = '是' as needs_return
    from {{ ref('stg_tmall__refunds') }}
    where trim(refund_status) = '退款成功'

),

order_refunds as (

    select
        platform,
        order_id,
        order_id as refund_id,
        cast(null as {{ dbt.type_string() }}) as reason,
        refund_amount,
        cast(null as boolean) as needs_return
    from {{ ref('int_orders') }}
    where platform != 'tmall' and is_paid and refund_amount > 0

),

refunds as (

    select * from tmall_refunds
    union all
    select * from order_refunds

),

final as (

    select
        refunds.platform,
        refunds.order_id,
        refunds.refund_id,
        refunds.reason,
        {{ storeops.after_sales_reason_columns('refunds.reason') }},
        refunds.refund_amount,
        refunds.needs_return
    from refunds
    {{ storeops.after_sales_reason_joins('refund', 'refunds.reason') }}

)

select * from final
