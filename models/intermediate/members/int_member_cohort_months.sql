-- The member cohorts' calendar spine: one row per platform, cohort month (month of the members' first valid
-- order; the members from int_members, one row each) and months since that month, for every month from
-- the cohort month to the platform's reference month (int_member_platform_months), with the cohort's size and
-- whether the month is complete in the data (on or before the platform's last complete month).
with

members as (

    select * from {{ ref('int_members') }}

),

months as (

    select * from {{ ref('int_member_platform_months') }}

),

cohorts as (

    select
        platform,
        cohort_month,
        max(last_complete_month) as last_complete_month,
        count(*) as cohort_size

    from members
    group by platform, cohort_month

),

final as (

    select
        -- ids
        cohorts.platform,
        cohorts.cohort_month,
        {{ dbt.datediff('cohorts.cohort_month', 'months.month_start', 'month') }}
            as months_since_first,

        -- numerics
        cohorts.cohort_size,

        -- booleans
        months.month_start <= cohorts.last_complete_month as is_complete_month,

        -- dates
        months.month_start as activity_month,
        cohorts.last_complete_month

    from cohorts
    inner join months
        on
            cohorts.platform = months.platform
            and cohorts.cohort_month <= months.month_start

)

select * from final
