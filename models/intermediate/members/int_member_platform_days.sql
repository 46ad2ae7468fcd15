-- The member marts' calendar: one row per platform and day, from the platform's first order day to
-- its reference date (the last day with any order in its export, valid or not), with the month, the
-- platform's member-day flag (int_calendar_days) and the platform's last complete month.
-- A table: int_calendar_days is a view over every export, read once here for all member models.
{{ config(materialized='table') }}

with

orders as (

    select * from {{ ref('int_orders') }}

),

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

platform_bounds as (

    select
        platform,
        min(order_date) as first_order_date,
        max(order_date) as reference_date

    from orders
    group by platform

),

final as (

    select
        -- ids
        platform_bounds.platform,

        -- booleans
        calendar_days.is_member_day,

        -- dates
        calendar_days.calendar_date,
        calendar_days.month_start,
        platform_bounds.reference_date,
        -- the last month whose last day is on or before the reference date
        cast(
            {{ dbt.dateadd(
                'month', -1,
                dbt.date_trunc('month', dbt.dateadd('day', 1, 'platform_bounds.reference_date'))
            ) }} as date
        ) as last_complete_month

    from platform_bounds
    inner join calendar_days
        on
            platform_bounds.platform = calendar_days.platform
            and calendar_days.calendar_date between platform_bounds.first_order_date and platform_bounds.reference_date

)

select * from final
