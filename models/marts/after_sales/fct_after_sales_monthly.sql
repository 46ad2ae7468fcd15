-- After-sales by month, platform, product and reason category (grain and definitions: _after_sales__models.yml,
-- DECISIONLOG A1-A4). Orders and refunds are dated by the month the order was paid (refunds belong to their
-- order's month, so refunded orders never exceed paid orders); tickets by the month they were opened.
-- Every (month, platform, product) with paid orders, refunds or tickets has one row per reason category.

with

orders as (

    select * from {{ ref('int_after_sales_orders') }}

),

orders_monthly as (

    select
        paid_month as month_start,
        platform,
        product,
        count(*) as paid_orders,
        sum(gross_amount) as gmv
    from orders
    group by paid_month, platform, product

),

refunds_monthly as (

    select * from {{ ref('int_after_sales_refunds_monthly') }}

),

tickets_monthly as (

    select * from {{ ref('int_after_sales_tickets_monthly') }}

),

cells as (

    select
        month_start,
        platform,
        product
    from orders_monthly
    union
    select
        month_start,
        platform,
        product
    from refunds_monthly
    union
    select
        month_start,
        platform,
        product
    from tickets_monthly

),

categories as (

    {{ storeops.after_sales_reason_category_rows() }}

),

final as (

    select
        cells.month_start,
        cells.platform,
        cells.product,
        categories.reason_category,
        coalesce(orders_monthly.paid_orders, 0) as paid_orders,
        coalesce(orders_monthly.gmv, 0) as gmv,
        coalesce(refunds_monthly.refunds, 0) as refunds,
        coalesce(refunds_monthly.refunded_orders, 0) as refunded_orders,
        coalesce(refunds_monthly.refunded_amount, 0) as refunded_amount,
        coalesce(refunds_monthly.refunds_with_return, 0) as refunds_with_return,
        coalesce(tickets_monthly.tickets, 0) as tickets,
        coalesce(tickets_monthly.resolved_tickets, 0) as resolved_tickets,
        tickets_monthly.median_resolution_hours,
        {{ storeops.safe_divide('coalesce(refunds_monthly.refunded_orders, 0)', 'orders_monthly.paid_orders') }}
            as refund_rate,
        {{ storeops.safe_divide('coalesce(refunds_monthly.refunded_amount, 0)', 'orders_monthly.gmv') }}
            as refunded_amount_share_of_gmv,
        1000 * {{ storeops.safe_divide('coalesce(tickets_monthly.tickets, 0)', 'orders_monthly.paid_orders') }}
            as tickets_per_1000_orders
    from cells
    cross join categories
    left join orders_monthly
        on
            cells.month_start = orders_monthly.month_start
            and cells.platform = orders_monthly.platform
            and cells.product = orders_monthly.product
    left join refunds_monthly
        on
            cells.month_start = refunds_monthly.month_start
            and cells.platform = refunds_monthly.platform
            and cells.product = refunds_monthly.product
            and categories.reason_category = refunds_monthly.reason_category
    left join tickets_monthly
        on
            cells.month_start = tickets_monthly.month_start
            and cells.platform = tickets_monthly.platform
            and cells.product = tickets_monthly.product
            and categories.reason_category = tickets_monthly.reason_category

)

select * from final
