-- Successful refunds per month, platform, product and reason category, dated and attributed by their order
-- (int_after_sales_orders: the month it was paid, its product). Refunds of orders that are not paid
-- non-test orders are left out (DECISIONLOG A1). refunds_with_return = refunds that need the goods back.

with

orders as (

    select * from {{ ref('int_after_sales_orders') }}

),

final as (

    select
        orders.paid_month as month_start,
        orders.platform,
        orders.product,
        refunds.reason_category,
        count(*) as refunds,
        count(distinct refunds.order_id) as refunded_orders,
        sum(refunds.refund_amount) as refunded_amount,
        count(case when refunds.needs_return then 1 end) as refunds_with_return
    from {{ ref('int_after_sales_refunds') }} as refunds
    inner join orders
        on refunds.platform = orders.platform and refunds.order_id = orders.order_id
    group by orders.paid_month, orders.platform, orders.product, refunds.reason_category

)

select * from final
