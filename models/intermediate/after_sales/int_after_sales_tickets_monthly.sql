-- Service tickets per month opened, platform, product and reason category. A ticket's product is its
-- order's (int_after_sales_orders); a ticket with no order, or whose order is not a paid order, counts under
-- `(no paid order)` (DECISIONLOG A4). Median resolution hours over the resolved tickets.

with

orders as (

    select * from {{ ref('int_after_sales_orders') }}

),

final as (

    select
        tickets.created_month as month_start,
        tickets.platform,
        coalesce(orders.product, '(no paid order)') as product,
        tickets.reason_category,
        count(*) as tickets,
        count(tickets.resolved_at) as resolved_tickets,
        percentile_cont(0.5) within group (order by tickets.resolution_hours) as median_resolution_hours
    from {{ ref('int_after_sales_tickets') }} as tickets
    left join orders
        on tickets.platform = orders.platform and tickets.order_id = orders.order_id
    group by
        tickets.created_month, tickets.platform, coalesce(orders.product, '(no paid order)'), tickets.reason_category

)

select * from final
