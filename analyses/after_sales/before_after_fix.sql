-- Did the complaint rate fall after we changed X? Tickets per 1,000 paid orders and the refund rate per reason
-- category and platform in the window_days before the operator's fix_date and the window_days from it on, with
-- the change (absolute and relative). Paid orders count by the day they were paid, and so do their tickets and
-- refunds (a fix changes the orders placed after it; a ticket opened days later is about an earlier order); a
-- ticket without a paid order counts by the day it was opened (DECISIONLOG A5). Set the date, e.g.
--   dbt compile -s before_after_fix --vars '{fix_date: 2024-06-01, window_days: 60}'
-- then run the SQL in target/compiled/ (defaults: the demo's same-city delivery date, 60 days). A window cut
-- short by the data's end is compared as it is: check paid_orders_after.
{%- set fix_date = var('fix_date', '2024-06-01') %}
{%- set window_days = var('window_days', 60) | int %}

with

bounds as (

    select
        cast('{{ fix_date }}' as date) as fix_date,
        cast({{ dbt.dateadd('day', -window_days, "cast('" ~ fix_date ~ "' as date)") }} as date) as window_start,
        cast({{ dbt.dateadd('day', window_days, "cast('" ~ fix_date ~ "' as date)") }} as date) as window_end

),

orders as (

    select
        orders.platform,
        orders.order_id,
        case when cast(orders.paid_at as date) < bounds.fix_date then 'before' else 'after' end as period
    from {{ ref('int_after_sales_orders') }} as orders
    cross join bounds
    where cast(orders.paid_at as date) >= bounds.window_start and cast(orders.paid_at as date) < bounds.window_end

),

paid as (

    select
        platform,
        period,
        count(*) as paid_orders
    from orders
    group by platform, period

),

ticket_days as (

    select
        tickets.platform,
        tickets.reason_category,
        coalesce(cast(paid_orders.paid_at as date), cast(tickets.created_at as date)) as ticket_day
    from {{ ref('int_after_sales_tickets') }} as tickets
    left join {{ ref('int_after_sales_orders') }} as paid_orders
        on tickets.platform = paid_orders.platform and tickets.order_id = paid_orders.order_id

),

tickets as (

    select
        ticket_days.platform,
        ticket_days.reason_category,
        case when ticket_days.ticket_day < bounds.fix_date then 'before' else 'after' end as period,
        count(*) as tickets
    from ticket_days
    cross join bounds
    where ticket_days.ticket_day >= bounds.window_start and ticket_days.ticket_day < bounds.window_end
    group by ticket_days.platform, ticket_days.reason_category, period

),

refunds as (

    select
        orders.platform,
        refunds.reason_category,
        orders.period,
        count(distinct refunds.order_id) as refunded_orders
    from {{ ref('int_after_sales_refunds') }} as refunds
    inner join orders
        on refunds.platform = orders.platform and refunds.order_id = orders.order_id
    group by orders.platform, refunds.reason_category, orders.period

),

categories as (

    {{ storeops.after_sales_reason_category_rows() }}

),

cells as (

    select
        paid.platform,
        paid.period,
        paid.paid_orders,
        categories.reason_category
    from paid
    cross join categories

),

rates as (

    select
        cells.platform,
        cells.reason_category,
        cells.period,
        cells.paid_orders,
        coalesce(tickets.tickets, 0) as tickets,
        1000
        * {{ storeops.safe_divide('coalesce(tickets.tickets, 0)', 'cells.paid_orders') }} as tickets_per_1000_orders,
        {{ storeops.safe_divide('coalesce(refunds.refunded_orders, 0)', 'cells.paid_orders') }} as refund_rate
    from cells
    left join tickets
        on
            cells.platform = tickets.platform and cells.reason_category = tickets.reason_category
            and cells.period = tickets.period
    left join refunds
        on
            cells.platform = refunds.platform and cells.reason_category = refunds.reason_category
            and cells.period = refunds.period

),

final as (

    select
        before_fix.platform,
        before_fix.reason_category,
        before_fix.paid_orders as paid_orders_before,
        after_fix.paid_orders as paid_orders_after,
        before_fix.tickets as tickets_before,
        after_fix.tickets as tickets_after,
        round(before_fix.tickets_per_1000_orders, 2) as tickets_per_1000_before,
        round(after_fix.tickets_per_1000_orders, 2) as tickets_per_1000_after,
        round(after_fix.tickets_per_1000_orders - before_fix.tickets_per_1000_orders, 2) as tickets_per_1000_change,
        round({{ storeops.safe_divide(
            'after_fix.tickets_per_1000_orders - before_fix.tickets_per_1000_orders',
            'before_fix.tickets_per_1000_orders') }}, 3) as tickets_rate_relative_change,
        round(before_fix.refund_rate, 4) as refund_rate_before,
        round(after_fix.refund_rate, 4) as refund_rate_after,
        round({{ storeops.safe_divide('after_fix.refund_rate - before_fix.refund_rate', 'before_fix.refund_rate') }}, 3)
            as refund_rate_relative_change
    from rates as before_fix
    inner join rates as after_fix
        on before_fix.platform = after_fix.platform and before_fix.reason_category = after_fix.reason_category
    where before_fix.period = 'before' and after_fix.period = 'after'

)

select * from final
order by platform, reason_category
