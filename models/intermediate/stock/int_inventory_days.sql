-- One row per platform, SKU, warehouse and day from the key's first snapshot to its last (int_inventory_snapshots):
-- the day's snapshot, or the last one before it carried forward to the next (is_carried_forward). A day after a
-- key's last snapshot is never made up (DECISIONLOG L2).
with

snapshots as (

    select * from {{ ref('int_inventory_snapshots') }}

),

-- DuckDB's generate_series, as int_calendar_days (no cross-database day spine per row)
days as (

    select
        platform,
        sku_id,
        warehouse,
        max(snapshot_date) as last_snapshot_date,
        cast(unnest(generate_series(min(snapshot_date), max(snapshot_date), interval 1 day)) as date)
            as calendar_date
    from snapshots
    group by platform, sku_id, warehouse

),

filled as (

    select
        days.platform,
        days.sku_id,
        days.warehouse,
        days.calendar_date,
        days.last_snapshot_date,
        snapshots.snapshot_date is null as is_carried_forward,
        max(snapshots.snapshot_date) over (
            partition by days.platform, days.sku_id, days.warehouse order by days.calendar_date
        ) as snapshot_date
    from days
    left join snapshots
        on
            (days.platform, days.sku_id, days.warehouse, days.calendar_date)
            = (snapshots.platform, snapshots.sku_id, snapshots.warehouse, snapshots.snapshot_date)

),

final as (

    select
        filled.platform,
        filled.sku_id,
        filled.warehouse,
        filled.calendar_date,
        filled.snapshot_date,
        filled.is_carried_forward,
        filled.last_snapshot_date,
        snapshots.on_hand,
        snapshots.sellable,
        snapshots.locked,
        snapshots.in_transit
    from filled
    inner join snapshots
        on
            (filled.platform, filled.sku_id, filled.warehouse, filled.snapshot_date)
            = (snapshots.platform, snapshots.sku_id, snapshots.warehouse, snapshots.snapshot_date)

)

select * from final
