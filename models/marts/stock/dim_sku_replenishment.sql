-- One row per platform and SKU with inventory, as of its last snapshot: stock position (int_sku_stock_positions),
-- daily demand (int_sku_demand_stats), lead time (int_sku_lead_times), service level (int_sku_service_levels), and
-- safety stock = z · √(L·σ_d² + d̄²·σ_L²), reorder point = d̄·L + safety stock (macros/stock.sql), reorder_now
-- = sellable + in transit <= reorder point (DECISIONLOG L5).
with

demand as (

    select * from {{ ref('int_sku_demand_stats') }}

),

inputs as (

    select
        demand.platform,
        demand.sku_id,
        demand.as_of_date,
        positions.on_hand,
        positions.sellable,
        positions.in_transit,
        demand.demand_days,
        demand.avg_daily_demand,
        demand.daily_demand_stddev,
        coalesce(lead_times.lead_time_receipts, 0) as lead_time_receipts,
        lead_times.lead_time_days,
        -- one receipt: no spread observed, σ_L = 0
        case when lead_times.lead_time_receipts > 0 then coalesce(lead_times.lead_time_stddev_days, 0) end
            as lead_time_stddev_days,
        service_levels.service_level,
        service_levels.service_level_z
    from demand
    inner join {{ ref('int_sku_stock_positions') }} as positions
        on
            (demand.platform, demand.sku_id, demand.as_of_date)
            = (positions.platform, positions.sku_id, positions.calendar_date)
    left join {{ ref('int_sku_lead_times') }} as lead_times on demand.sku_id = lead_times.sku_id
    left join {{ ref('int_sku_service_levels') }} as service_levels
        on demand.platform = service_levels.platform and demand.sku_id = service_levels.sku_id

),

final as (

    select
        *,
        {{ storeops.safety_stock(
            'service_level_z', 'avg_daily_demand', 'daily_demand_stddev', 'lead_time_days', 'lead_time_stddev_days'
        ) }} as safety_stock,
        {{ storeops.reorder_point(
            'service_level_z', 'avg_daily_demand', 'daily_demand_stddev', 'lead_time_days', 'lead_time_stddev_days'
        ) }} as reorder_point,
        sellable + in_transit as inventory_position,
        sellable + in_transit <= {{ storeops.reorder_point(
            'service_level_z', 'avg_daily_demand', 'daily_demand_stddev', 'lead_time_days', 'lead_time_stddev_days'
        ) }} as reorder_now
    from inputs

)

select * from final
