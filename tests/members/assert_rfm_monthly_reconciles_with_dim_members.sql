-- fct_member_rfm_monthly against dim_members. (1) On the reference date, each platform's segment counts equal
-- dim_members' members per segment, exactly (segments without members on either side count 0). (2) On every
-- as-of date, the members summed over the segments (and platform_members) equal the platform's members whose
-- first valid order is on or before that date.
with

rfm_monthly as (

    select * from {{ ref('fct_member_rfm_monthly') }}

),

members as (

    select * from {{ ref('dim_members') }}

),

latest as (

    select
        platform,
        rfm_segment,
        members

    from rfm_monthly
    where is_reference_date

),

current_segments as (

    select
        platform,
        rfm_segment,
        count(*) as members

    from members
    group by platform, rfm_segment

),

date_totals as (

    select
        platform,
        as_of_date,
        sum(members) as members,
        min(platform_members) as min_platform_members,
        max(platform_members) as max_platform_members

    from rfm_monthly
    group by platform, as_of_date

),

members_by_date as (

    select
        date_totals.platform,
        date_totals.as_of_date,
        count(members.member_key) as members

    from date_totals
    left join members
        on
            date_totals.platform = members.platform
            and date_totals.as_of_date >= members.first_order_date
    group by date_totals.platform, date_totals.as_of_date

)

select
    coalesce(latest.platform, current_segments.platform) as platform,
    coalesce(latest.rfm_segment, current_segments.rfm_segment) as rfm_segment,
    cast(null as date) as as_of_date,
    coalesce(current_segments.members, 0) as expected,
    latest.members as actual

from latest
full outer join current_segments
    on
        latest.platform = current_segments.platform
        and latest.rfm_segment = current_segments.rfm_segment
where latest.members is distinct from coalesce(current_segments.members, 0)

union all

select
    date_totals.platform,
    cast(null as varchar) as rfm_segment,
    date_totals.as_of_date,
    members_by_date.members as expected,
    date_totals.members as actual

from date_totals
inner join members_by_date
    on
        date_totals.platform = members_by_date.platform
        and date_totals.as_of_date = members_by_date.as_of_date
where
    date_totals.members != members_by_date.members
    or date_totals.min_platform_members != members_by_date.members
    or date_totals.max_platform_members != members_by_date.members
