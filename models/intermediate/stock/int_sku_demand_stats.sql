-- One row per platform and SKU with inventory: daily demand over the `replenishment_window_days` days (var,
-- default 56) up to the SKU's last snapshot, on the days it has stock figures for, leaving out campaign days
-- (int_calendar_days: a campaign phase or the member day) and days it was out of stock somewhere (sales there are
-- what the stock allowed, not demand). Mean and sample standard deviation of the units sold per such day, a day
-- without sales counting 0; NULL when no day qualifies (DECISIONLOG L5).
with

inventory_days as (

    select * from {{ ref('fct_inventory_daily') }}

),

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

skus as (

    select
        platform,
        sku_id,
        max(calendar_date) as as_of_date
    from inventory_days
    group by platform, sku_id

),

-- units_sold is the SKU's, repeated on each of its warehouses' rows
sku_days as (

    select
        platform,
        sku_id,
        calendar_date,
        max(units_sold) as units_sold,
        bool_or(is_stockout) as is_stockout
    from inventory_days
    group by platform, sku_id, calendar_date

),

demand_days as (

    select
        sku_days.platform,
        sku_days.sku_id,
        sku_days.units_sold
    from sku_days
    inner join skus on sku_days.platform = skus.platform and sku_days.sku_id = skus.sku_id
    left join calendar_days
        on sku_days.platform = calendar_days.platform and sku_days.calendar_date = calendar_days.calendar_date
    where
        sku_days.calendar_date > {{ dbt.dateadd('day', -var('replenishment_window_days'), 'skus.as_of_date') }}
        and not sku_days.is_stockout
        and calendar_days.campaign_id is null
        and not coalesce(calendar_days.is_member_day, false)

),

final as (

    select
        skus.platform,
        skus.sku_id,
        skus.as_of_date,
        count(demand_days.units_sold) as demand_days,
        avg(demand_days.units_sold) as avg_daily_demand,
        -- one day has no spread: 0; no day at all: NULL, like the mean
        case when count(demand_days.units_sold) > 0 then coalesce(stddev_samp(demand_days.units_sold), 0) end
            as daily_demand_stddev
    from skus
    left join demand_days on skus.platform = demand_days.platform and skus.sku_id = demand_days.sku_id
    group by skus.platform, skus.sku_id, skus.as_of_date

)

select * from final
