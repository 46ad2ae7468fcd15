-- One row per weekly member-day rule, platform and month of the platform's data: the member days' GMV as a
-- share of the month's average daily GMV, against the same weekday before the rule started (the "60 % -> 85 %"
-- figure). GMV per day comes from int_platform_sales_daily, the rule's days from int_campaign_days.
-- A share of 1 means the day sells as much as the month's average day.
with

rules as (

    select * from {{ ref('int_campaign_calendar') }}
    where is_recurring

),

rule_days as (

    select
        rules.campaign_id,
        rules.platform,
        rules.recurring_weekday,
        rules.start_date,
        sales.calendar_date,
        sales.gmv,
        cast({{ dbt.date_trunc('month', 'sales.calendar_date') }} as date) as month_start,
        isodow(sales.calendar_date) = rules.recurring_weekday as is_rule_weekday,
        sales.calendar_date < rules.start_date as is_before_rule,
        campaign_days.calendar_date is not null as is_member_day

    from rules
    inner join {{ ref('int_platform_sales_daily') }} as sales on rules.platform = sales.platform
    left join {{ ref('int_campaign_days') }} as campaign_days
        on
            (rules.campaign_id, rules.platform, rules.phase, sales.calendar_date)
            = (campaign_days.campaign_id, campaign_days.platform, campaign_days.phase, campaign_days.calendar_date)

),

monthly as (

    select
        campaign_id,
        platform,
        month_start,
        any_value(recurring_weekday) as recurring_weekday,
        any_value(start_date) as rule_start_date,
        count(*) as month_days,
        sum(gmv) as gmv,
        count(*) filter (where is_member_day) as member_days,
        coalesce(sum(gmv) filter (where is_member_day), 0) as member_day_gmv,
        count(*) filter (where is_rule_weekday) as weekdays,
        coalesce(sum(gmv) filter (where is_rule_weekday), 0) as weekday_gmv,
        count(*) filter (where is_before_rule) as days_before_rule,
        coalesce(sum(gmv) filter (where is_before_rule), 0) as gmv_before_rule,
        count(*) filter (where is_before_rule and is_rule_weekday) as weekdays_before_rule,
        coalesce(sum(gmv) filter (where is_before_rule and is_rule_weekday), 0) as weekday_gmv_before_rule

    from rule_days
    group by campaign_id, platform, month_start

),

final as (

    select
        *,
        {{ storeops.safe_divide('member_day_gmv * month_days', 'member_days * gmv') }} as member_day_share_of_daily_avg,
        {{ storeops.safe_divide('weekday_gmv * month_days', 'weekdays * gmv') }} as weekday_share_of_daily_avg,
        {{ storeops.safe_divide(
            'sum(weekday_gmv_before_rule) over by_rule * sum(days_before_rule) over by_rule',
            'sum(weekdays_before_rule) over by_rule * sum(gmv_before_rule) over by_rule'
        ) }} as weekday_share_before_rule

    from monthly
    window by_rule as (partition by campaign_id, platform)

)

select * from final
