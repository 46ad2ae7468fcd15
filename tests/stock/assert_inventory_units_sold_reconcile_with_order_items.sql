-- Sold units reconcile with the order items: for each platform and SKU, the units fct_inventory_daily shows over
-- its days (once per day, whatever the warehouses) equal the quantities of the staged item lines of valid orders
-- (int_orders.is_valid) paid on those days, recomputed here from staging.
with

inventory_days as (

    select distinct
        platform,
        sku_id,
        calendar_date,
        units_sold
    from {{ ref('fct_inventory_daily') }}

),

orders as (

    select * from {{ ref('int_orders') }}

),

lines as (

    select
        'tmall' as platform,
        order_id,
        coalesce(merchant_code, external_system_id) as sku_id,
        quantity
    from {{ ref('stg_tmall__order_items') }}
    union all
    select
        'generic' as platform,
        order_id,
        sku_id,
        quantity
    from {{ ref('stg_generic__order_items') }}

),

staged as (

    select
        lines.platform,
        lines.sku_id,
        sum(lines.quantity) as units
    from lines
    inner join orders on lines.platform = orders.platform and lines.order_id = orders.order_id
    -- one row per platform, SKU and day (units_sold is the SKU's)
    inner join inventory_days
        on
            lines.platform = inventory_days.platform
            and lines.sku_id = inventory_days.sku_id
            and cast(orders.paid_at as date) = inventory_days.calendar_date
    where orders.is_valid
    group by lines.platform, lines.sku_id

),

mart as (

    select
        platform,
        sku_id,
        sum(units_sold) as units
    from inventory_days
    group by platform, sku_id

)

select
    mart.platform,
    mart.sku_id,
    mart.units as mart_units,
    staged.units as staged_units
from mart
left join staged on mart.platform = staged.platform and mart.sku_id = staged.sku_id
where mart.units <> coalesce(staged.units, 0)
