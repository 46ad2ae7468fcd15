-- Each member (platform + member_key with a valid order) is in dim_members exactly once, with one
-- cohort (the month of their first valid order) and one RFM segment.
-- Returns the members where that fails, with the reason.
with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

members as (

    select * from {{ ref('dim_members') }}

),

expected as (

    select
        platform,
        member_key,
        min(cohort_month) as cohort_month,
        count(distinct cohort_month) as cohorts

    from member_orders
    group by platform, member_key

),

actual as (

    select
        platform,
        member_key,
        count(*) as member_rows,
        count(distinct cohort_month) as cohorts,
        count(distinct rfm_segment) as segments,
        min(cohort_month) as cohort_month

    from members
    group by platform, member_key

),

compared as (

    select
        coalesce(expected.platform, actual.platform) as platform,
        coalesce(expected.member_key, actual.member_key) as member_key,
        case
            when actual.member_key is null then 'member with valid orders missing from dim_members'
            when expected.member_key is null then 'dim_members row without a valid order'
            when actual.member_rows <> 1 then 'member on more than one row'
            when expected.cohorts <> 1 or actual.cohorts <> 1 then 'member in more than one cohort'
            when actual.segments <> 1 then 'member without exactly one segment'
            when actual.cohort_month <> expected.cohort_month then 'cohort is not the first valid order month'
        end as failure

    from expected
    full outer join actual
        on
            expected.platform = actual.platform
            and expected.member_key = actual.member_key

)

select * from compared
where failure is not null
