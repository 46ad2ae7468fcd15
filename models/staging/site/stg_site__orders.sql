-- Own-shop order export, one row per order. Times are China Standard Time.
-- Good, latest rows of site/orders: one row per order_id.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
with

current_rows as (

    {{ storeops.current_export_rows('site', 'orders') }}

)

select
    *,
    paid_at is not null as is_paid,
    cast(created_at as date) as order_date

from current_rows
