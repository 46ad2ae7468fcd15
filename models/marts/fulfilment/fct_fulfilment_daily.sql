-- Shipping against the promise: one row per stat_date (the day the promise falls due), platform, store_id and
-- carrier. Counts partition the paid orders due that day by fulfilment_state (int_fulfilment_orders); the late-
-- shipment rate is (shipped late + unshipped past the promise) / (those + shipped on time), NULL when no order
-- was decided (DECISIONLOG U3). Hours to ship are from payment (the balance payment for pre-sale) to shipment,
-- over the orders shipped; medians and p90s do not add up over days (read int_fulfilment_orders for a period).
with

fulfilment_orders as (

    select * from {{ ref('int_fulfilment_orders') }}

),

counted as (

    select
        due_date as stat_date,
        platform,
        store_id,
        carrier,
        count(*) as paid_orders,
        count(*) filter (where fulfilment_state = 'shipped_on_time') as shipped_on_time,
        count(*) filter (where fulfilment_state = 'shipped_late') as shipped_late,
        count(*) filter (where fulfilment_state = 'unshipped_overdue') as unshipped_overdue,
        count(*) filter (where fulfilment_state = 'awaiting_shipment') as awaiting_shipment,
        count(*) filter (where fulfilment_state = 'closed_unshipped') as closed_unshipped,
        count(*) filter (where fulfilment_state = 'ship_time_not_exported') as ship_time_not_exported,
        quantile_cont(hours_to_ship, 0.5) filter (where fulfilment_state like 'shipped_%') as median_hours_to_ship,
        quantile_cont(hours_to_ship, 0.9) filter (where fulfilment_state like 'shipped_%') as p90_hours_to_ship

    from fulfilment_orders
    group by due_date, platform, store_id, carrier

),

final as (

    select
        stat_date,
        platform,
        store_id,
        carrier,
        paid_orders,
        shipped_on_time + shipped_late + unshipped_overdue + awaiting_shipment as orders_due,
        shipped_on_time,
        shipped_late,
        unshipped_overdue,
        awaiting_shipment,
        closed_unshipped,
        ship_time_not_exported,
        shipped_late + unshipped_overdue as late_orders,
        {{ storeops.safe_divide(
            'shipped_late + unshipped_overdue', 'shipped_on_time + shipped_late + unshipped_overdue'
        ) }} as late_shipment_rate,
        median_hours_to_ship,
        p90_hours_to_ship

    from counted

)

select * from final
