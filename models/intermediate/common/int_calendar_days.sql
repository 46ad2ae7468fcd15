{{ config(materialized='table') }}

-- One row per calendar day from the first to the last day any staged export covers (int_export_days),
-- with the week, month, weekday and the promotion calendar (China time).
with

export_days as (

    select * from {{ ref('int_export_days') }}

),

campaign_calendar as (

    select * from {{ ref('campaign_calendar') }}

),

bounds as (

    select
        min(calendar_date) as first_date,
        max(calendar_date) as last_date
    from export_days

),

days as (

    select cast(unnest(generate_series(first_date, last_date, interval 1 day)) as date) as calendar_date
    from bounds
    where first_date is not null

),

phases as (

    select * from campaign_calendar
    where phase <> 'weekly'

),

member_day as (

    select * from campaign_calendar
    where phase = 'weekly'

),

final as (

    select
        days.calendar_date,
        cast({{ dbt.date_trunc('week', 'days.calendar_date') }} as date) as week_start,
        cast({{ dbt.date_trunc('month', 'days.calendar_date') }} as date) as month_start,
        isodow(days.calendar_date) as iso_weekday,
        lower(dayname(days.calendar_date)) as weekday_name,
        isodow(days.calendar_date) >= 6 as is_weekend,
        member_day.campaign_id is not null as is_member_day,
        phases.campaign_id,
        phases.phase as campaign_phase

    from days
    left join phases
        on days.calendar_date between phases.start_date and phases.end_date
    left join member_day
        on
            days.calendar_date between member_day.start_date and member_day.end_date
            and lower(dayname(days.calendar_date)) = member_day.weekday

)

select * from final
