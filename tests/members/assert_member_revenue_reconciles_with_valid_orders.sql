-- Money and orders reconcile across the member layers, per platform: the valid orders of int_orders
-- = dim_members (orders, revenue, net revenue) = the cohort cells up to the last complete month
-- plus the valid orders after it = every group of each repurchase comparison. Orders without a member key
-- (an export with no member column) are outside the member marts: fct_data_health counts them.
-- Returns each check that fails, with both sides.
with

valid_orders as (

    select
        orders.platform,
        count(*) as orders,
        sum(orders.gross_amount) as revenue,
        sum(orders.net_amount) as net_revenue,
        count(distinct orders.member_key) as members

    from {{ ref('int_orders') }} as orders
    where orders.is_valid and orders.member_key is not null
    group by orders.platform

),

members as (

    select
        platform,
        sum(orders) as orders,
        sum(revenue) as revenue,
        sum(net_revenue) as net_revenue,
        count(*) as members

    from {{ ref('dim_members') }}
    group by platform

),

-- valid orders in months the cohort mart leaves NULL (after the last complete month)
late_orders as (

    select
        platform,
        count(*) as orders,
        sum(gross_amount) as revenue,
        sum(net_amount) as net_revenue

    from {{ ref('int_member_orders') }}
    where order_month > last_complete_month
    group by platform

),

cohort_cells as (

    select
        platform,
        sum(orders) as orders,
        sum(revenue) as revenue,
        sum(net_revenue) as net_revenue

    from {{ ref('fct_member_cohorts') }}
    group by platform

),

cohorts as (

    -- a platform whose data ends inside its first month has no complete cohort cell: all its orders are late
    select
        coalesce(cohort_cells.platform, late_orders.platform) as platform,
        coalesce(cohort_cells.orders, 0) + coalesce(late_orders.orders, 0) as orders,
        coalesce(cohort_cells.revenue, 0) + coalesce(late_orders.revenue, 0) as revenue,
        coalesce(cohort_cells.net_revenue, 0) + coalesce(late_orders.net_revenue, 0) as net_revenue

    from cohort_cells
    full outer join late_orders
        on cohort_cells.platform = late_orders.platform

),

groups as (

    select
        platform,
        comparison,
        sum(orders) as orders,
        sum(net_revenue) as net_revenue,
        sum(members) as members

    from {{ ref('fct_member_repurchase_by_group') }}
    group by platform, comparison

),

checks as (

    select
        valid_orders.platform,
        'dim_members' as layer,
        valid_orders.orders as expected_orders,
        members.orders as actual_orders,
        valid_orders.revenue as expected_revenue,
        members.revenue as actual_revenue,
        valid_orders.net_revenue as expected_net_revenue,
        members.net_revenue as actual_net_revenue,
        valid_orders.members as expected_members,
        members.members as actual_members

    from valid_orders
    left join members
        on valid_orders.platform = members.platform

    union all

    select
        valid_orders.platform,
        'fct_member_cohorts' as layer,
        valid_orders.orders as expected_orders,
        cohorts.orders as actual_orders,
        valid_orders.revenue as expected_revenue,
        cohorts.revenue as actual_revenue,
        valid_orders.net_revenue as expected_net_revenue,
        cohorts.net_revenue as actual_net_revenue,
        valid_orders.members as expected_members,
        valid_orders.members as actual_members

    from valid_orders
    left join cohorts
        on valid_orders.platform = cohorts.platform

    union all

    select
        valid_orders.platform,
        'fct_member_repurchase_by_group ' || groups.comparison as layer,
        valid_orders.orders as expected_orders,
        groups.orders as actual_orders,
        valid_orders.net_revenue as expected_revenue,
        groups.net_revenue as actual_revenue,
        valid_orders.net_revenue as expected_net_revenue,
        groups.net_revenue as actual_net_revenue,
        valid_orders.members as expected_members,
        groups.members as actual_members

    from valid_orders
    left join groups
        on valid_orders.platform = groups.platform

)

select * from checks
where
    actual_orders is distinct from expected_orders
    or actual_revenue is distinct from expected_revenue
    or actual_net_revenue is distinct from expected_net_revenue
    or actual_members is distinct from expected_members
