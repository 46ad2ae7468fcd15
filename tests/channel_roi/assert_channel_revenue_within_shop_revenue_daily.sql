-- No channel is credited more own-shop revenue on a day than the own shop converted that day, under any
-- attribution model (paid own-shop orders on the China day of payment, from int_orders).
-- Returns each day / channel / model over the day's revenue (half-cent tolerance).
with

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}
    where platform = 'site'

),

orders as (

    select * from {{ ref('int_orders') }}
    where platform = 'site'

),

shop_daily as (

    select
        cast(paid_at as date) as stat_date,
        sum(gross_amount) as shop_revenue

    from orders
    where is_paid and not is_cancelled and not is_test_order
    group by cast(paid_at as date)

)

select
    mart.stat_date,
    mart.channel,
    mart.attribution_model,
    mart.warehouse_attributed_revenue,
    coalesce(shop_daily.shop_revenue, 0) as shop_revenue

from mart
left join shop_daily
    on mart.stat_date = shop_daily.stat_date
where mart.warehouse_attributed_revenue > coalesce(shop_daily.shop_revenue, 0) + 0.005
