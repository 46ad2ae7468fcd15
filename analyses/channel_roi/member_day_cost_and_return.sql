-- Operators' question: what does the weekly member day cost in discounts (and SMS), and what does it bring in?
-- Per platform and month:
--   cost: member_crm spend (member-day discounts and SMS from the manual_costs seed, on the member days);
--   channel return: revenue credited to member_crm: Tmall's own Sycm 会员日 source figure (same-day payments);
--     own shop: the warehouse's attribution of own-shop orders (default model and linear);
--   shop lift: paid GMV per member day against the other days of the month (a rough baseline: the weekly cycle
--     is not removed), and the implied extra GMV per yuan of member-day cost.
-- Run: dbt compile -s member_day_cost_and_return, then the SQL in target/compiled/.
with

roi as (

    select
        *,
        cast({{ dbt.date_trunc('month', 'stat_date') }} as date) as month_start

    from {{ ref('fct_channel_roi_daily') }}
    where is_within_export_range and channel = 'member_crm'

),

spend as (

    select * from {{ ref('int_channel_spend_daily') }}
    where channel = 'member_crm'

),

platforms as (

    select 'tmall' as platform
    union all
    select 'site' as platform

),

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

orders as (

    select * from {{ ref('int_orders') }}
    where platform in ('tmall', 'site') and is_paid and not is_cancelled and not is_test_order

),

cost as (

    select
        calendar_days.month_start,
        spend.platform,
        sum(case when spend.cost_type = 'member_day_discount' then spend.spend else 0 end) as discount_cost,
        sum(case when spend.cost_type <> 'member_day_discount' then spend.spend else 0 end) as other_cost,
        sum(spend.spend) as member_day_cost

    from spend
    inner join calendar_days
        on spend.platform = calendar_days.platform and spend.stat_date = calendar_days.calendar_date
    group by calendar_days.month_start, spend.platform

),

channel_return as (

    select
        month_start,
        platform,
        sum(case when is_default_attribution_model then platform_attributed_revenue end) as platform_revenue,
        sum(case when is_default_attribution_model then warehouse_attributed_revenue end) as warehouse_revenue,
        sum(case when attribution_model = 'linear' then warehouse_attributed_revenue end) as warehouse_linear_revenue

    from roi
    group by month_start, platform

),

daily_gmv as (

    select
        calendar_days.calendar_date,
        calendar_days.month_start,
        calendar_days.is_member_day,
        platforms.platform,
        coalesce(sum(orders.gross_amount), 0) as gmv

    from calendar_days
    inner join platforms
        on calendar_days.platform = platforms.platform
    left join orders
        on
            platforms.platform = orders.platform
            and calendar_days.calendar_date = cast(orders.paid_at as date)
    group by calendar_days.calendar_date, calendar_days.month_start, calendar_days.is_member_day, platforms.platform

),

lift as (

    select
        month_start,
        platform,
        count(case when is_member_day then 1 end) as member_days,
        avg(case when is_member_day then gmv end) as gmv_per_member_day,
        avg(case when not is_member_day then gmv end) as gmv_per_other_day

    from daily_gmv
    group by month_start, platform

),

final as (

    select
        lift.month_start,
        lift.platform,
        lift.member_days,
        cost.discount_cost,
        cost.other_cost,
        cost.member_day_cost,
        channel_return.platform_revenue as member_crm_platform_revenue,
        {{ safe_divide('channel_return.platform_revenue', 'cost.member_day_cost') }} as member_crm_platform_roas,
        channel_return.warehouse_revenue as member_crm_warehouse_revenue,
        {{ safe_divide('channel_return.warehouse_revenue', 'cost.member_day_cost') }} as member_crm_roas,
        {{ safe_divide('channel_return.warehouse_linear_revenue', 'cost.member_day_cost') }}
            as member_crm_linear_roas,
        lift.gmv_per_member_day,
        lift.gmv_per_other_day,
        {{ safe_divide('lift.gmv_per_member_day', 'lift.gmv_per_other_day') }} as member_day_gmv_index,
        {{ safe_divide(
            '(lift.gmv_per_member_day - lift.gmv_per_other_day) * lift.member_days',
            'cost.member_day_cost'
        ) }} as extra_gmv_per_yuan_cost

    from lift
    left join cost
        on lift.month_start = cost.month_start and lift.platform = cost.platform
    left join channel_return
        on lift.month_start = channel_return.month_start and lift.platform = channel_return.platform

)

select * from final
order by platform, month_start
