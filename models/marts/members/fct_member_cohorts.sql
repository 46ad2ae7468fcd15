-- One row per platform, cohort month (month of the member's first valid order) and months since
-- that month, on a calendar spine (int_member_platform_days): every month from the cohort month to
-- the platform's reference month has a row, months with no activity show 0. Cells whose calendar
-- month is after the last complete month are NULL, not 0 (the month is not over in the data).
-- Month 0 retention is 1.
with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

platform_days as (

    select * from {{ ref('int_member_platform_days') }}

),

months as (

    select distinct
        platform,
        month_start

    from platform_days

),

cohorts as (

    select
        platform,
        cohort_month,
        max(last_complete_month) as last_complete_month,
        count(*) as cohort_size

    from member_orders
    where is_first_order
    group by platform, cohort_month

),

spine as (

    select
        cohorts.platform,
        cohorts.cohort_month,
        cohorts.cohort_size,
        cohorts.last_complete_month,
        months.month_start as activity_month,
        {{ dbt.datediff('cohorts.cohort_month', 'months.month_start', 'month') }}
            as months_since_first

    from cohorts
    inner join months
        on
            cohorts.platform = months.platform
            and cohorts.cohort_month <= months.month_start

),

activity as (

    select
        platform,
        cohort_month,
        months_since_first,
        count(distinct member_key) as active_members,
        count(*) as orders,
        sum(gross_amount) as revenue,
        sum(net_amount) as net_revenue

    from member_orders
    group by platform, cohort_month, months_since_first

),

cells as (

    select
        spine.platform,
        spine.cohort_month,
        spine.months_since_first,
        spine.activity_month,
        spine.cohort_size,
        spine.activity_month <= spine.last_complete_month as is_complete_month,
        case
            when spine.activity_month <= spine.last_complete_month then coalesce(activity.active_members, 0)
        end as active_members,
        case
            when spine.activity_month <= spine.last_complete_month then coalesce(activity.orders, 0)
        end as orders,
        case
            when spine.activity_month <= spine.last_complete_month then coalesce(activity.revenue, 0)
        end as revenue,
        case
            when spine.activity_month <= spine.last_complete_month then coalesce(activity.net_revenue, 0)
        end as net_revenue

    from spine
    left join activity
        on
            spine.platform = activity.platform
            and spine.cohort_month = activity.cohort_month
            and spine.months_since_first = activity.months_since_first

),

cumulated as (

    select
        *,
        sum(revenue) over cohort_to_date as cumulative_revenue,
        sum(net_revenue) over cohort_to_date as cumulative_net_revenue

    from cells
    window cohort_to_date as (
        partition by platform, cohort_month
        order by months_since_first
        rows between unbounded preceding and current row
    )

),

final as (

    select
        -- ids
        platform,
        cohort_month,
        months_since_first,

        -- numerics
        cohort_size,
        active_members,
        orders,
        cast(revenue as {{ storeops.type_money() }}) as revenue,
        cast(net_revenue as {{ storeops.type_money() }}) as net_revenue,
        {{ safe_divide('active_members', 'cohort_size') }} as retention_rate,
        -- NULL once the cells are: the running sum stops at the last complete month
        cast(case when is_complete_month then cumulative_revenue end as {{ storeops.type_money() }})
            as cumulative_revenue,
        cast(case when is_complete_month then cumulative_net_revenue end as {{ storeops.type_money() }})
            as cumulative_net_revenue,
        case when is_complete_month then {{ safe_divide('cumulative_revenue', 'cohort_size') }} end
            as cumulative_revenue_per_member,
        case when is_complete_month then {{ safe_divide('cumulative_net_revenue', 'cohort_size') }} end
            as cumulative_net_revenue_per_member,

        -- booleans
        is_complete_month,

        -- dates
        activity_month

    from cumulated

)

select * from final
