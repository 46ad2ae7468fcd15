-- Successful refunds per month, platform, product and reason category, dated and attributed by their order
-- (int_after_sales_orders: the month it was paid, its product). Refunds of orders that are not paid
-- non-test orders are left out (DECISIONLOG A1). refunds_with_return = refunds that need the goods back.

with

refunds_of_paid_orders as (

    select
        paid_orders.paid_month as month_start,
        paid_orders.platform,
        paid_orders.product,
        refunds.reason_category,
        refunds.order_id,
        refunds.refund_amount,
        refunds.needs_return
    from {{ ref('int_after_sales_refunds') }} as refunds
    inner join {{ ref('int_after_sales_orders') }} as paid_orders
        on refunds.platform = paid_orders.platform and refunds.order_id = paid_orders.order_id

),

final as (

    select
        month_start,
        platform,
        product,
        reason_category,
        count(*) as refunds,
        count(distinct order_id) as refunded_orders,
        sum(refund_amount) as refunded_amount,
        count(case when needs_return then 1 end) as refunds_with_return
    from refunds_of_paid_orders
    group by month_start, platform, product, reason_category

)

select * from final
