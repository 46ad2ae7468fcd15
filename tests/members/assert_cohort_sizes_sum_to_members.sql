-- Cohort sizes (one per cohort, at month 0) sum to the members of dim_members, per platform, and
-- each month's new buyers in the repurchase view equal that month's cohort size.
with

members as (

    select
        platform,
        count(*) as members

    from {{ ref('dim_members') }}
    group by platform

),

cohorts as (

    select
        platform,
        sum(cohort_size) as cohort_members

    from {{ ref('fct_member_cohorts') }}
    where months_since_first = 0
    group by platform

),

cohort_months as (

    select
        platform,
        cohort_month,
        cohort_size

    from {{ ref('fct_member_cohorts') }}
    where months_since_first = 0

),

repurchase as (

    select
        platform,
        order_month,
        new_buyers

    from {{ ref('fct_member_repurchase_monthly') }}
    where new_buyers > 0

)

select
    coalesce(members.platform, cohorts.platform) as platform,
    cast(null as date) as cohort_month,
    members.members as expected,
    cohorts.cohort_members as actual

from members
full outer join cohorts
    on members.platform = cohorts.platform
where members.members is distinct from cohorts.cohort_members

union all

select
    coalesce(cohort_months.platform, repurchase.platform) as platform,
    coalesce(cohort_months.cohort_month, repurchase.order_month) as cohort_month,
    cohort_months.cohort_size as expected,
    repurchase.new_buyers as actual

from cohort_months
full outer join repurchase
    on
        cohort_months.platform = repurchase.platform
        and cohort_months.cohort_month = repurchase.order_month
where cohort_months.cohort_size is distinct from repurchase.new_buyers
