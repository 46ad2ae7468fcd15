-- One row per platform and day of int_platform_sales_daily: the day's baseline (DECISIONLOG B1). The
-- baseline of day d is the mean of a measure on days d - 7k (k = 1, 2, ...): the first 4 such days of the
-- platform's data that lie outside every period of every non-recurring campaign of that platform (a member
-- day does not exclude a day). With fewer than 4 such days the baseline is NULL and baseline_status says so.
-- The day's own measures come along (sales.*), so a mart reads a day and its baseline from one model.
{{ config(materialized='table') }}

with

sales as (

    select * from {{ ref('int_platform_sales_daily') }}

),

campaign_periods as (

    select distinct
        platform,
        calendar_date
    from {{ ref('int_campaign_days') }}
    where not is_recurring

),

first_days as (

    select
        platform,
        min(calendar_date) as first_date
    from sales
    group by platform

),

-- every same-weekday day before d inside the platform's data, nearest first
same_weekdays as (

    select
        sales.platform,
        sales.calendar_date,
        cast(unnest(generate_series(
            sales.calendar_date - interval 7 day, first_days.first_date, interval '-7 days'
        )) as date) as comparable_date

    from sales
    inner join first_days on sales.platform = first_days.platform

),

chosen as (

    select
        same_weekdays.platform,
        same_weekdays.calendar_date,
        same_weekdays.comparable_date

    from same_weekdays
    anti join campaign_periods
        on
            (same_weekdays.platform, same_weekdays.comparable_date)
            = (campaign_periods.platform, campaign_periods.calendar_date)
    qualify row_number() over (
        partition by same_weekdays.platform, same_weekdays.calendar_date
        order by same_weekdays.comparable_date desc
    ) <= 4

),

baselines as (

    select
        chosen.platform,
        chosen.calendar_date,
        {%- for measure in storeops.campaign_baseline_measures() %}
            avg(sales.{{ measure }}) as baseline_{{ measure }},
        {%- endfor %}
        count(*) as baseline_day_count,
        string_agg(strftime(chosen.comparable_date, '%Y-%m-%d'), ',' order by chosen.comparable_date desc)
            as baseline_days

    from chosen
    inner join sales
        on chosen.platform = sales.platform and chosen.comparable_date = sales.calendar_date
    group by chosen.platform, chosen.calendar_date

),

final as (

    select
        -- the day's own measures and keys, so that a mart reads the day and its baseline from one model
        sales.*,

        -- strings
        case
            when baselines.baseline_day_count = 4 then 'ok' else 'fewer than 4 comparable days'
        end as baseline_status,
        baselines.baseline_days,

        -- numerics
        {%- for measure in storeops.campaign_baseline_measures() %}
            case when baselines.baseline_day_count = 4 then baselines.baseline_{{ measure }} end
                as baseline_{{ measure }},
        {%- endfor %}
        coalesce(baselines.baseline_day_count, 0) as baseline_day_count

    from sales
    left join baselines
        on sales.platform = baselines.platform and sales.calendar_date = baselines.calendar_date

)

select * from final  -- noqa: AM04
