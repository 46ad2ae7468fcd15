-- Every paid order against its shipping promise: one row per platform + order_id of int_orders' paid orders.
-- The clock starts at payment (int_orders.paid_at: the balance payment for a pre-sale order; the order time where
-- the export gives no payment time: clock_started_at) and the order is due promise_hours later (int_order_promises).
-- Each order is in exactly one fulfilment_state (DECISIONLOG U2):
--   ship_time_not_exported  its file has no ship-time column: nothing is known about its shipping;
--   shipped_on_time         shipped at or before the due time;
--   shipped_late            shipped after it;
--   closed_unshipped        never shipped and closed, fully refunded or a test order: nothing left to ship;
--   unshipped_overdue       not shipped, and the due time passed before the export was taken (as_of);
--   awaiting_shipment       not shipped, and still within the promise at as_of.
-- as_of is the latest time the platform's order exports show (order, payment or ship time).
with

promised_orders as (

    select * from {{ ref('int_order_promises') }}

),

shipments as (

    select
        platform,
        order_id,
        shipped_at,
        carrier,
        has_ship_time_column

    from {{ ref('int_order_shipments') }}

),

timed as (

    select
        promised_orders.*,
        promised_orders.clock_started_at + to_hours(promised_orders.promise_hours) as due_at,
        shipments.shipped_at,
        shipments.carrier,
        coalesce(shipments.has_ship_time_column, false) as has_ship_time_column,
        max(greatest(promised_orders.ordered_at, promised_orders.paid_at, shipments.shipped_at))
            over (partition by promised_orders.platform) as as_of

    from promised_orders
    left join shipments
        on promised_orders.platform = shipments.platform and promised_orders.order_id = shipments.order_id

),

final as (

    select
        platform,
        store_id,
        order_id,
        is_presale,
        paid_at,
        clock_started_at,
        promise_hours,
        due_at,
        cast(due_at as date) as due_date,
        shipped_at,
        coalesce(carrier, case when shipped_at is null then '(not shipped)' else '(unknown)' end) as carrier,
        date_diff('second', clock_started_at, shipped_at) / 3600.0 as hours_to_ship,
        as_of,
        case
            when not has_ship_time_column then 'ship_time_not_exported'
            when shipped_at <= due_at then 'shipped_on_time'
            when shipped_at > due_at then 'shipped_late'
            when is_closed then 'closed_unshipped'
            when due_at < as_of then 'unshipped_overdue'
            else 'awaiting_shipment'
        end as fulfilment_state

    from timed

)

select * from final
