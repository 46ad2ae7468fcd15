-- Cohort cells are NULL (not 0) exactly after the platform's last complete month, and filled
-- (0 when nothing happened) up to it; active members never exceed the cohort size; every cohort
-- has one row per month from its cohort month to the platform's reference month (the spine).
with

cohorts as (

    select * from {{ ref('fct_member_cohorts') }}

),

platform_days as (

    select * from {{ ref('int_member_platform_days') }}

),

bounds as (

    select
        platform,
        max(month_start) as reference_month

    from platform_days
    group by platform

),

spine_rows as (

    select
        cohorts.platform,
        cohorts.cohort_month,
        count(*) as month_rows,
        max(cohorts.months_since_first) as max_months_since_first,
        max(cohorts.activity_month) as last_activity_month,
        max(bounds.reference_month) as reference_month

    from cohorts
    inner join bounds
        on cohorts.platform = bounds.platform
    group by cohorts.platform, cohorts.cohort_month

)

select
    platform,
    cohort_month,
    months_since_first,
    'cell filled after the last complete month, or empty before it' as failure

from cohorts
where
    (
        is_complete_month
        and (active_members is null or orders is null or revenue is null or cumulative_revenue_per_member is null)
    )
    or (
        not is_complete_month
        and (
            active_members is not null or orders is not null or revenue is not null
            or cumulative_revenue_per_member is not null
        )
    )

union all

select
    platform,
    cohort_month,
    months_since_first,
    'more active members than the cohort has' as failure

from cohorts
where active_members > cohort_size

union all

select
    platform,
    cohort_month,
    max_months_since_first as months_since_first,
    'spine has gaps or does not reach the reference month' as failure

from spine_rows
where
    month_rows <> max_months_since_first + 1
    or last_activity_month <> reference_month
