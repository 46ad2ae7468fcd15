-- Paid orders and GMV per month paid, platform and product (int_after_sales_orders; DECISIONLOG A1).

with

orders as (

    select * from {{ ref('int_after_sales_orders') }}

),

final as (

    select
        paid_month as month_start,
        platform,
        product,
        count(*) as paid_orders,
        sum(gross_amount) as gmv
    from orders
    group by paid_month, platform, product

)

select * from final
