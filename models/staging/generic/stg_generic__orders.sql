-- Generic order export, one row per order.
-- Good, latest rows of generic/orders: one row per order_id.
-- Times are read as given, naive, in whatever zone the source used; amounts are in `currency`.
with

current_rows as (

    {{ storeops.current_export_rows('generic', 'orders') }}

)

select
    *,
    cast(ordered_at as date) as order_date

from current_rows
