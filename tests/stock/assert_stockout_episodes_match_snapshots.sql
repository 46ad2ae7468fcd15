-- Stock-out episodes match the snapshots: every day of fct_inventory_daily with sellable <= 0 lies in exactly one
-- episode of fct_stockouts, no other day lies in one, every staged snapshot with sellable <= 0 is such a day, and
-- each episode's days_out is its days.
with

days as (

    select * from {{ ref('fct_inventory_daily') }}

),

episodes as (

    select * from {{ ref('fct_stockouts') }}

),

snapshots as (

    select * from {{ ref('int_inventory_snapshots') }}

),

covered as (

    select
        days.platform,
        days.sku_id,
        days.warehouse,
        days.calendar_date,
        days.is_stockout,
        count(episodes.start_date) as episodes
    from days
    left join episodes
        on
            days.platform = episodes.platform
            and days.sku_id = episodes.sku_id
            and days.warehouse = episodes.warehouse
            and days.calendar_date between episodes.start_date and episodes.end_date
    group by days.platform, days.sku_id, days.warehouse, days.calendar_date, days.is_stockout

),

wrong_days as (

    select
        platform,
        sku_id,
        warehouse,
        calendar_date,
        'stock-out day in ' || episodes || ' episodes' as problem
    from covered
    where (is_stockout and episodes <> 1) or (not is_stockout and episodes > 0)

),

missed_snapshots as (

    select
        snapshots.platform,
        snapshots.sku_id,
        snapshots.warehouse,
        snapshots.snapshot_date as calendar_date,
        'snapshot with sellable <= 0 not flagged' as problem
    from snapshots
    left join days
        on
            snapshots.platform = days.platform
            and snapshots.sku_id = days.sku_id
            and snapshots.warehouse = days.warehouse
            and snapshots.snapshot_date = days.calendar_date
    where snapshots.sellable <= 0 and not coalesce(days.is_stockout, false)

),

wrong_lengths as (

    select
        platform,
        sku_id,
        warehouse,
        start_date as calendar_date,
        'days_out is not the episode''s days' as problem
    from episodes
    where
        days_out
        <> {{ dbt.datediff('start_date', 'end_date', 'day') }} + 1

)

select * from wrong_days
union all
select * from missed_snapshots
union all
select * from wrong_lengths
