-- One row per campaign, platform, phase and day: the days of each phase of int_campaign_calendar. A phase is
-- every day from its start to its end; a recurring rule (the weekly member day) is each day of its weekday
-- from its start to its end, within the days the exports cover (int_export_days), so a rule written to run
-- for years gives the days there is data for, not one row per week forever.
with

calendar as (

    select * from {{ ref('int_campaign_calendar') }}

),

export_days as (

    select * from {{ ref('int_export_days') }}

),

bounds as (

    select
        min(calendar_date) as first_date,
        max(calendar_date) as last_date
    from export_days

),

periods as (

    select
        calendar.*,
        cast(unnest(generate_series(calendar.start_date, calendar.end_date, interval 1 day)) as date) as calendar_date

    from calendar
    where not calendar.is_recurring

),

rule_days as (

    select
        calendar.*,
        cast(unnest(generate_series(
            greatest(calendar.start_date, bounds.first_date),
            least(calendar.end_date, bounds.last_date),
            interval 1 day
        )) as date) as calendar_date

    from calendar
    cross join bounds
    where calendar.is_recurring

),

campaign_days as (

    select * from periods
    union all
    select * from rule_days
    where isodow(calendar_date) = recurring_weekday

),

final as (

    select
        -- keys
        campaign_id,
        platform,
        phase,
        calendar_date,

        -- strings
        campaign_name,
        campaign_type,
        calendar_source,

        -- numerics
        isodow(calendar_date) as iso_weekday,

        -- booleans
        is_recurring,

        -- dates
        start_date,
        end_date

    from campaign_days

)

select * from final
