-- One row per platform, SKU and day of fct_inventory_daily: the SKU's stock over all its warehouses (a NULL in
-- transit counts 0). dim_sku_replenishment takes each SKU's last day.
select
    platform,
    sku_id,
    calendar_date,
    cast(sum(on_hand) as bigint) as on_hand,
    cast(sum(sellable) as bigint) as sellable,
    cast(sum(coalesce(in_transit, 0)) as bigint) as in_transit
from {{ ref('fct_inventory_daily') }}
group by platform, sku_id, calendar_date
