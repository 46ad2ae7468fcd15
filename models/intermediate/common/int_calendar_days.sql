{{ config(materialized='table') }}

-- One row per platform and calendar day (China time) from the first to the last day any staged export covers
-- (int_export_days), with the week, month and weekday, and the platform's campaign calendar as
-- int_campaign_days has it (the operator's calendar, the seed as its default): the weekly member day and the
-- non-recurring campaign whose phase covers the day (festivals, theme weeks, ...; the one that started first
-- when two overlap). The one member-day definition of the warehouse (DECISIONLOG K6).
with

export_days as (

    select * from {{ ref('int_export_days') }}

),

campaign_days as (

    select * from {{ ref('int_campaign_days') }}

),

platforms as (

    {{ storeops.calendar_platforms() }}

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

member_days as (

    select distinct
        platform,
        calendar_date
    from campaign_days
    where is_recurring

),

campaign_phases as (

    select
        platform,
        calendar_date,
        campaign_id,
        phase
    from campaign_days
    where not is_recurring
    qualify row_number() over (partition by platform, calendar_date order by start_date, campaign_id, phase) = 1

),

final as (

    select
        -- keys
        platforms.platform,
        days.calendar_date,

        -- strings
        lower(dayname(days.calendar_date)) as weekday_name,
        campaign_phases.campaign_id,
        campaign_phases.phase as campaign_phase,

        -- numerics
        isodow(days.calendar_date) as iso_weekday,

        -- booleans
        isodow(days.calendar_date) >= 6 as is_weekend,
        member_days.calendar_date is not null as is_member_day,

        -- dates
        cast({{ dbt.date_trunc('week', 'days.calendar_date') }} as date) as week_start,
        cast({{ dbt.date_trunc('month', 'days.calendar_date') }} as date) as month_start

    from days
    cross join platforms
    left join member_days
        on (platforms.platform, days.calendar_date) = (member_days.platform, member_days.calendar_date)
    left join campaign_phases
        on (platforms.platform, days.calendar_date) = (campaign_phases.platform, campaign_phases.calendar_date)

)

select * from final
