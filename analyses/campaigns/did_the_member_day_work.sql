-- Did the member day work? For each weekly member-day rule and platform, month by month: the member days' GMV as a
-- share of the month's average day, against the same weekday before the rule started ("60 % -> 85 %" reads
-- weekday_share_before_rule -> member_day_share_of_daily_avg). A share of 1.00 sells like an average day. Set
-- the rule with --vars '{campaign_id: member_day}' (default: every rule), e.g.
--   dbt compile -s did_the_member_day_work --vars '{campaign_id: member_day_wednesday}'
-- then run the SQL in target/compiled/. weekday_share_before_rule is NULL when the data starts with the rule.
{%- set campaign_id = var('campaign_id', none) %}

with

effect as (

    select * from {{ ref('fct_member_day_effect') }}
    {%- if campaign_id %}
        where campaign_id = '{{ campaign_id }}'
    {%- endif %}

),

final as (

    select
        campaign_id,
        platform,
        month_start,
        recurring_weekday,
        member_days,
        round(weekday_share_before_rule, 3) as weekday_share_before_rule,
        round(member_day_share_of_daily_avg, 3) as member_day_share_of_daily_avg,
        round(weekday_share_of_daily_avg, 3) as weekday_share_of_daily_avg,
        round(member_day_share_of_daily_avg - weekday_share_before_rule, 3) as lift_in_points,
        member_day_gmv,
        gmv as month_gmv,
        month_days

    from effect

)

select * from final
order by campaign_id asc, platform asc, month_start asc
