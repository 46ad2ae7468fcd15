-- Did the member day or the community raise repurchase? One row per platform, comparison and buyer
-- group. Members are grouped by how they were acquired, not by what they did later (a member with
-- many orders is bound to hit a member day sooner or later, which would flatter the member day):
--   member_day: first valid order on a member day (int_calendar_days) vs on another day;
--   community:  first valid order through the private-community channel, or (Tmall) joined the shop
--               through its fan group (粉丝群), vs other known channels, vs unknown (no channel on the
--               first order and no member-export record).
with

members as (

    select * from {{ ref('dim_members') }}

),

platforms as (

    select distinct platform from members

),

groups as (

    select
        comparison_groups.comparison,
        comparison_groups.buyer_group
    from (
        values
        ('member_day', 'member_day'),
        ('member_day', 'other_days'),
        ('community', 'community'),
        ('community', 'other'),
        ('community', 'unknown')
    ) as comparison_groups (comparison, buyer_group)

),

-- each member's group in each comparison, by how the member was acquired
member_groups as (

    select
        platform,
        member_key,
        case when is_first_order_on_member_day then 'member_day' else 'other_days' end as member_day_group,
        case
            when is_community_member then 'community'
            when first_channel is not null or join_channel is not null then 'other'
            else 'unknown'
        end as community_group,
        orders,
        purchase_days,
        net_revenue,
        days_to_second_purchase,
        {{ dbt.datediff('first_order_date', 'reference_date', 'day') }}
            as days_observed

    from members

),

compared as (

    select
        *,
        'member_day' as comparison,
        member_day_group as buyer_group
    from member_groups
    union all
    select
        *,
        'community' as comparison,
        community_group as buyer_group
    from member_groups

),

aggregated as (

    select
        platform,
        comparison,
        buyer_group,
        count(*) as members,
        count(case when purchase_days >= 2 then 1 end) as repeat_members,
        {{ storeops.reorder_within_days(90, 'members') }},
        sum(orders) as orders,
        sum(net_revenue) as net_revenue

    from compared
    group by platform, comparison, buyer_group

),

final as (

    select
        -- ids
        platforms.platform,
        groups.comparison,
        groups.buyer_group,

        -- numerics
        coalesce(aggregated.members, 0) as members,
        coalesce(aggregated.repeat_members, 0) as repeat_members,
        {{ safe_divide('aggregated.repeat_members', 'aggregated.members') }} as repurchase_rate,
        coalesce(aggregated.members_observed_90d, 0) as members_observed_90d,
        coalesce(aggregated.members_reordered_90d, 0) as members_reordered_90d,
        {{ safe_divide('aggregated.members_reordered_90d', 'aggregated.members_observed_90d') }} as reorder_rate_90d,
        cast(coalesce(aggregated.orders, 0) as {{ dbt.type_bigint() }}) as orders,
        cast(coalesce(aggregated.net_revenue, 0) as {{ storeops.type_money() }}) as net_revenue,
        {{ safe_divide('aggregated.orders', 'aggregated.members') }} as orders_per_member,
        {{ safe_divide('aggregated.net_revenue', 'aggregated.members') }} as net_revenue_per_member

    from platforms
    cross join groups
    left join aggregated
        on
            platforms.platform = aggregated.platform
            and groups.comparison = aggregated.comparison
            and groups.buyer_group = aggregated.buyer_group

)

select * from final
