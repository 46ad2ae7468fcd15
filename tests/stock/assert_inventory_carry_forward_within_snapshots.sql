-- Carry-forward stays within the snapshots: each day of fct_inventory_daily shows a staged snapshot of its key
-- taken on the day or before it and before the key's next snapshot, and no day lies after the key's last one
-- (the day after a last snapshot has no next snapshot to stop before: it must be the snapshot's own day).
with

days as (

    select * from {{ ref('fct_inventory_daily') }}

),

snapshots as (

    select
        platform,
        sku_id,
        warehouse,
        snapshot_date,
        lead(snapshot_date) over (partition by platform, sku_id, warehouse order by snapshot_date)
            as next_snapshot_date
    from {{ ref('int_inventory_snapshots') }}

)

select
    days.platform,
    days.sku_id,
    days.warehouse,
    days.calendar_date,
    days.snapshot_date
from days
left join snapshots
    on
        days.platform = snapshots.platform
        and days.sku_id = snapshots.sku_id
        and days.warehouse = snapshots.warehouse
        and days.snapshot_date = snapshots.snapshot_date
where
    snapshots.snapshot_date is null
    or days.calendar_date < snapshots.snapshot_date
    or days.calendar_date
    >= coalesce(snapshots.next_snapshot_date, {{ dbt.dateadd('day', 1, 'snapshots.snapshot_date') }})
