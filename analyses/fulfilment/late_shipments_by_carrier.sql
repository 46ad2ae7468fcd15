-- Late shipments by carrier last month: for each platform, store and carrier, the paid orders due in the month,
-- how many shipped late or are unshipped past the promise, the late-shipment rate (the month's summed counts,
-- never an average of daily rates), and the month's median and p90 hours from payment to shipment (from the
-- orders: percentiles do not add up over days).
-- "Last month" is the last complete calendar month in fct_fulfilment_daily; pass another month's first day with
-- --vars '{fulfilment_month: "2024-11-01"}'.
-- Run: dbt compile -s late_shipments_by_carrier, then the SQL in target/compiled/.
with

daily as (

    select * from {{ ref('fct_fulfilment_daily') }}

),

fulfilment_orders as (

    select * from {{ ref('int_fulfilment_orders') }}

),

chosen_month as (

    select
        {% if var('fulfilment_month', none) is not none -%}
            cast('{{ var("fulfilment_month") }}' as date) as month_start
        {%- else -%}
            -- the first day of the last month whose last day is in the data
            cast({{ dbt.date_trunc('month', dbt.dateadd('day', 1, 'max(stat_date)')) }} - interval 1 month as date)
                as month_start
        {%- endif %}
    from daily

),

month_counts as (

    select
        daily.platform,
        daily.store_id,
        daily.carrier,
        sum(daily.orders_due) as orders_due,
        sum(daily.shipped_on_time) as shipped_on_time,
        sum(daily.shipped_late) as shipped_late,
        sum(daily.unshipped_overdue) as unshipped_overdue,
        sum(daily.late_orders) as late_orders

    from daily
    inner join chosen_month
        on
            daily.stat_date >= chosen_month.month_start
            and daily.stat_date < chosen_month.month_start + interval 1 month
    group by daily.platform, daily.store_id, daily.carrier

),

month_hours as (

    select
        fulfilment_orders.platform,
        fulfilment_orders.store_id,
        fulfilment_orders.carrier,
        quantile_cont(fulfilment_orders.hours_to_ship, 0.5) as median_hours_to_ship,
        quantile_cont(fulfilment_orders.hours_to_ship, 0.9) as p90_hours_to_ship

    from fulfilment_orders
    inner join chosen_month
        on
            fulfilment_orders.due_date >= chosen_month.month_start
            and fulfilment_orders.due_date < chosen_month.month_start + interval 1 month
    where fulfilment_orders.shipped_at is not null
    group by fulfilment_orders.platform, fulfilment_orders.store_id, fulfilment_orders.carrier

)

select
    month_counts.platform,
    month_counts.store_id,
    month_counts.carrier,
    month_counts.orders_due,
    month_counts.shipped_late,
    month_counts.unshipped_overdue,
    {{ storeops.safe_divide(
        'month_counts.late_orders',
        'month_counts.shipped_on_time + month_counts.shipped_late + month_counts.unshipped_overdue'
    ) }} as late_shipment_rate,
    month_hours.median_hours_to_ship,
    month_hours.p90_hours_to_ship

from month_counts
left join month_hours
    on
        month_counts.platform = month_hours.platform
        and month_counts.store_id = month_hours.store_id
        and month_counts.carrier = month_hours.carrier
order by month_counts.platform asc, month_counts.store_id asc, late_shipment_rate desc nulls last
