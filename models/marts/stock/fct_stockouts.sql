-- One row per stock-out episode: consecutive days of fct_inventory_daily with sellable <= 0 for a platform, SKU
-- and warehouse. Its baseline is the SKU's sales in the 28 days before it (on the days in stock), the
-- lost units are baseline daily units × days out, valued at the average price of those sales; pre-sale orders
-- taken are those created during it (DECISIONLOG L4).
with

inventory_days as (

    select * from {{ ref('fct_inventory_daily') }}

),

out_days as (

    select
        platform,
        sku_id,
        warehouse,
        calendar_date,
        presale_orders_taken,
        -- consecutive days share date - row number (the days of a key are contiguous)
        {{ dbt.dateadd(
            'day',
            '-row_number() over (partition by platform, sku_id, warehouse order by calendar_date)',
            'calendar_date'
        ) }} as island
    from inventory_days
    where is_stockout

),

episodes as (

    select
        platform,
        sku_id,
        warehouse,
        min(calendar_date) as start_date,
        max(calendar_date) as end_date,
        count(*) as days_out,
        cast(sum(presale_orders_taken) as bigint) as presale_orders_taken
    from out_days
    group by platform, sku_id, warehouse, island

),

before as (

    select
        episodes.platform,
        episodes.sku_id,
        episodes.warehouse,
        episodes.start_date,
        count(inventory_days.calendar_date) as baseline_days,
        cast(coalesce(sum(inventory_days.units_sold), 0) as bigint) as units_sold_28d_before,
        coalesce(sum(inventory_days.goods_amount), 0) as goods_amount_28d_before
    from episodes
    left join inventory_days
        on
            (episodes.platform, episodes.sku_id, episodes.warehouse)
            = (inventory_days.platform, inventory_days.sku_id, inventory_days.warehouse)
            and inventory_days.calendar_date >= {{ dbt.dateadd('day', -28, 'episodes.start_date') }}
            and episodes.start_date > inventory_days.calendar_date
            and not inventory_days.is_stockout
    group by episodes.platform, episodes.sku_id, episodes.warehouse, episodes.start_date

),

last_days as (

    select
        platform,
        sku_id,
        warehouse,
        max(calendar_date) as last_date
    from inventory_days
    group by platform, sku_id, warehouse

),

final as (

    select
        -- keys
        episodes.platform,
        episodes.sku_id,
        episodes.warehouse,
        episodes.start_date,

        -- dates
        episodes.end_date,
        episodes.days_out,
        episodes.end_date = last_days.last_date as is_ongoing,

        -- baseline and loss
        before.baseline_days,
        before.units_sold_28d_before,
        {{ storeops.safe_divide('before.units_sold_28d_before', 'before.baseline_days') }} as baseline_daily_units,
        {{ storeops.safe_divide('before.goods_amount_28d_before', 'before.units_sold_28d_before') }}
            as baseline_unit_price,
        {{ storeops.safe_divide('before.units_sold_28d_before', 'before.baseline_days') }} * episodes.days_out
            as est_lost_units,
        {{ storeops.safe_divide('before.goods_amount_28d_before', 'before.baseline_days') }} * episodes.days_out
            as est_lost_gmv,
        episodes.presale_orders_taken
    from episodes
    inner join before
        on
            (episodes.platform, episodes.sku_id, episodes.warehouse, episodes.start_date)
            = (before.platform, before.sku_id, before.warehouse, before.start_date)
    inner join last_days
        on
            (episodes.platform, episodes.sku_id, episodes.warehouse)
            = (last_days.platform, last_days.sku_id, last_days.warehouse)

)

select * from final
