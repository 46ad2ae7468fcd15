-- Paid orders as the after-sales mart counts them: one row per platform + order that int_orders marks paid
-- and not a test order (DECISIONLOG A1). Fully refunded and closed-after-refund orders stay: they are the
-- refunds' own orders. Dated by the time the order counts as paid (a pre-sale order: its balance).

with

orders as (

    select * from {{ ref('int_orders') }}
    where is_paid and not is_test_order

),

products as (

    select * from {{ ref('int_after_sales_order_products') }}

),

final as (

    select
        orders.platform,
        orders.order_id,
        coalesce(products.product, '(unknown)') as product,
        coalesce(orders.paid_at, orders.ordered_at) as paid_at,
        cast({{ dbt.date_trunc('month', 'coalesce(orders.paid_at, orders.ordered_at)') }} as date) as paid_month,
        orders.gross_amount
    from orders
    left join products
        on orders.platform = products.platform and orders.order_id = products.order_id

)

select * from final
