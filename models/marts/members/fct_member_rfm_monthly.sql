-- One row per platform, as-of date and RFM segment: how many members the segment held as if dim_members had
-- been built on that day. As-of dates: each month end from the platform's first order month on, and its
-- reference date (the last rows are dim_members' counts). Members are scored on their valid orders up to the
-- as-of date, recency counted to it, by dim_members' definition (macros rfm_scores and rfm_segment_of;
-- DECISIONLOG M5, R9). Every segment of the rfm_segments seed has a row, with 0 when it holds nobody.
{{ config(materialized='table') }}

with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

platform_months as (

    select * from {{ ref('int_member_platform_months') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

-- the month's last day; in the platform's last month, its reference date (the same day when the data ends
-- on a month end)
as_of_dates as (

    select distinct
        platform,
        reference_date,
        least(
            cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start')) }} as date),
            reference_date
        ) as as_of_date

    from platform_months

),

-- each member's valid orders up to each as-of date: the lifetime figures of int_members on that day
members_as_of as (

    select
        as_of_dates.platform,
        as_of_dates.as_of_date,
        member_orders.member_key,
        count(*) as orders,
        sum(member_orders.net_amount) as net_revenue,
        {{ dbt.datediff('max(member_orders.order_date)', 'as_of_dates.as_of_date', 'day') }}
            as days_since_last_order

    from as_of_dates
    inner join member_orders
        on
            as_of_dates.platform = member_orders.platform
            and as_of_dates.as_of_date >= member_orders.order_date
    group by as_of_dates.platform, as_of_dates.as_of_date, member_orders.member_key

),

scored as (

    select
        *,
        {{ storeops.rfm_scores(partition_by='platform, as_of_date') }}

    from members_as_of

),

segment_members as (

    select
        scored.platform,
        scored.as_of_date,
        segments.segment,
        count(*) as members

    from scored
    inner join segments
        on {{ storeops.rfm_segment_of('scored', 'segments') }}
    group by scored.platform, scored.as_of_date, segments.segment

),

segment_list as (

    select distinct
        segment,
        segment_code

    from segments

),

-- every segment on every as-of date, 0 members where nobody is in it
segment_counts as (

    select
        as_of_dates.platform,
        as_of_dates.as_of_date,
        as_of_dates.reference_date,
        segment_list.segment,
        segment_list.segment_code,
        coalesce(segment_members.members, 0) as members

    from as_of_dates
    cross join segment_list
    left join segment_members
        on
            as_of_dates.platform = segment_members.platform
            and as_of_dates.as_of_date = segment_members.as_of_date
            and segment_list.segment = segment_members.segment

),

final as (

    select
        -- ids
        platform,

        -- strings
        segment as rfm_segment,
        segment_code as rfm_segment_code,

        -- numerics
        members,
        cast(sum(members) over as_of as {{ dbt.type_bigint() }}) as platform_members,
        {{ storeops.safe_divide('members', 'sum(members) over as_of') }} as member_share,

        -- booleans
        as_of_date = reference_date as is_reference_date,

        -- dates
        as_of_date,
        reference_date

    from segment_counts
    window as_of as (partition by platform, as_of_date)

)

select * from final
