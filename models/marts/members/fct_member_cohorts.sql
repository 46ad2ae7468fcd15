-- One row per platform, cohort month (month of the member's first valid order) and months since
-- that month, on the cohorts' calendar spine (int_member_cohort_months): every month from the cohort
-- month to the platform's reference month has a row, months with no activity show 0. Cells whose calendar
-- month is after the last complete month are NULL, not 0 (the month is not over in the data).
-- Month 0 retention is 1.
{%- set cell_measures = ['active_members', 'orders', 'revenue', 'net_revenue'] %}
with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

cohort_months as (

    select * from {{ ref('int_member_cohort_months') }}

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
        cohort_months.platform,
        cohort_months.cohort_month,
        cohort_months.months_since_first,
        cohort_months.activity_month,
        cohort_months.cohort_size,
        {%- for measure in cell_measures %}
            case
                when cohort_months.is_complete_month then coalesce(activity.{{ measure }}, 0)
            end as {{ measure }},
        {%- endfor %}
        cohort_months.is_complete_month

    from cohort_months
    left join activity
        on
            cohort_months.platform = activity.platform
            and cohort_months.cohort_month = activity.cohort_month
            and cohort_months.months_since_first = activity.months_since_first

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
