-- One row per platform, SKU, warehouse and day from the key's first snapshot to its last (int_inventory_days:
-- a day without a snapshot carries the one before it forward): stock, the SKU's units sold that day by valid
-- orders (int_sku_sales_daily), the 28-day sales rate, days of cover and the stock-out flag (sellable <= 0).
with

joined as (

    select
        inventory_days.*,
        coalesce(sales.units_sold, 0) as units_sold,
        coalesce(sales.goods_amount, 0) as goods_amount,
        coalesce(sales.presale_orders_taken, 0) as presale_orders_taken
    from {{ ref('int_inventory_days') }} as inventory_days
    left join {{ ref('int_sku_sales_daily') }} as sales
        on
            (inventory_days.platform, inventory_days.sku_id, inventory_days.calendar_date)
            = (sales.platform, sales.sku_id, sales.sale_date)

),

rated as (

    select
        *,
        -- the days are contiguous per key (int_inventory_days), so 28 rows are 28 days
        avg(units_sold) over (
            partition by platform, sku_id, warehouse order by calendar_date rows between 27 preceding and current row
        ) as avg_daily_units_28d
    from joined

),

final as (

    select
        -- keys
        platform,
        sku_id,
        warehouse,
        calendar_date,

        -- stock
        snapshot_date,
        is_carried_forward,
        on_hand,
        sellable,
        locked,
        in_transit,

        -- sales
        units_sold,
        cast(goods_amount as decimal(18, 2)) as goods_amount,
        presale_orders_taken,
        avg_daily_units_28d,
        {{ storeops.safe_divide('sellable', 'avg_daily_units_28d') }} as days_of_cover,

        -- flags
        sellable <= 0 as is_stockout
    from rated

)

select * from final
