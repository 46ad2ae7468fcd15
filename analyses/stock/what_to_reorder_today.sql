-- What to reorder today: the SKUs whose sellable + in-transit stock is at or below their reorder point as of
-- their last snapshot (dim_sku_replenishment.reorder_now), with a suggested quantity that brings the position
-- back to the reorder point plus 28 days of average demand, largest shortfall first. SKUs that do not sell
-- (avg_daily_demand = 0) are left out. Change the 28 days to your order cycle.
with

replenishment as (

    select * from {{ ref('dim_sku_replenishment') }}

),

final as (

    select
        platform,
        sku_id,
        as_of_date,
        sellable,
        in_transit,
        inventory_position,
        round(avg_daily_demand, 2) as avg_daily_demand,
        round(lead_time_days, 1) as lead_time_days,
        service_level,
        round(safety_stock, 1) as safety_stock,
        round(reorder_point, 1) as reorder_point,
        ceil(reorder_point + 28 * avg_daily_demand - inventory_position) as suggested_order_units
    from replenishment
    where reorder_now and avg_daily_demand > 0

)

select * from final
order by reorder_point - inventory_position desc, platform asc, sku_id asc
