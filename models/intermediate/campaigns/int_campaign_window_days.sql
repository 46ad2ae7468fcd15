-- One row per non-recurring campaign, platform and day, from 7 days before the campaign's first phase starts
-- to 7 days after its last phase ends, with the day's phase: the calendar's phase (warm_up, burst,
-- long_tail, ...), `pull_forward` for the 7 days before, `hangover` for the 7 days after, `between_phases` for
-- a day inside the campaign that no phase covers. The spine of fct_campaign_daily. Weekly member days are
-- fct_member_day_effect's.
with

calendar as (

    select * from {{ ref('int_campaign_calendar') }}

),

campaigns as (

    select
        campaign_id,
        platform,
        any_value(campaign_name) as campaign_name,
        any_value(campaign_type) as campaign_type,
        min(start_date) as campaign_start_date,
        max(end_date) as campaign_end_date

    from calendar
    where not is_recurring
    group by campaign_id, platform

),

window_days as (

    select
        campaigns.*,
        cast(unnest(generate_series(
            campaigns.campaign_start_date - interval 7 day,
            campaigns.campaign_end_date + interval 7 day,
            interval 1 day
        )) as date) as calendar_date

    from campaigns

),

-- a day two phases share counts in the phase that started first
day_phases as (

    select
        campaign_id,
        platform,
        calendar_date,
        phase

    from {{ ref('int_campaign_days') }}
    qualify row_number() over (
        partition by campaign_id, platform, calendar_date order by start_date, phase
    ) = 1

),

final as (

    select
        -- keys
        window_days.campaign_id,
        window_days.platform,
        window_days.calendar_date,

        -- strings
        case
            when window_days.calendar_date < window_days.campaign_start_date then 'pull_forward'
            when window_days.calendar_date > window_days.campaign_end_date then 'hangover'
            else coalesce(day_phases.phase, 'between_phases')
        end as phase,
        window_days.campaign_name,
        window_days.campaign_type,

        -- dates
        window_days.campaign_start_date,
        window_days.campaign_end_date

    from window_days
    left join day_phases
        on
            window_days.campaign_id = day_phases.campaign_id
            and (window_days.platform, window_days.calendar_date) = (day_phases.platform, day_phases.calendar_date)

)

select * from final
