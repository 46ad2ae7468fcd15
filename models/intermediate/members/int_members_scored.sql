-- One row per member (platform + member_key) with a valid order: lifetime figures as of the
-- platform's reference date and the R / F / M quintile scores (5 = best).
-- Scores are quintiles of the position within the platform (5 = best); members with equal values are
-- ordered by member key, so every score holds a fifth of the members and reruns agree; see DECISIONLOG M5.
{{ config(materialized='table') }}

with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

members as (

    select
        platform,
        member_key,
        min(ordered_at) as first_ordered_at,
        max(ordered_at) as last_ordered_at,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date,
        min(cohort_month) as cohort_month,
        max(order_month) as last_order_month,
        max(reference_date) as reference_date,
        max(last_complete_month) as last_complete_month,
        count(*) as orders,
        max(purchase_day_number) as purchase_days,
        min(case when purchase_day_number = 2 then days_since_first end) as days_to_second_purchase,
        sum(gross_amount) as revenue,
        sum(refund_amount) as refund_amount,
        sum(net_amount) as net_revenue

    from member_orders
    group by platform, member_key

),

first_orders as (

    select
        platform,
        member_key,
        channel as first_channel,
        currency,
        is_member_day as is_first_order_on_member_day

    from member_orders
    where is_first_order

),

measured as (

    select
        members.*,
        first_orders.first_channel,
        first_orders.currency,
        first_orders.is_first_order_on_member_day,
        {{ dbt.datediff('members.last_order_date', 'members.reference_date', 'day') }}
            as days_since_last_order,
        1 + {{ dbt.datediff('members.cohort_month', 'members.last_order_month', 'month') }}
            as active_span_months

    from members
    inner join first_orders
        on
            members.platform = first_orders.platform
            and members.member_key = first_orders.member_key

),

-- quintile of the position within the platform: 1 + floor(5 × (position − 1) / members), 5 = best;
-- ties are ordered by member key (macros/members.sql)
scored as (

    select
        *,
        {{ storeops.quintile_of_position('days_since_last_order desc, member_key asc') }} as recency_score,
        {{ storeops.quintile_of_position('orders asc, member_key asc') }} as frequency_score,
        {{ storeops.quintile_of_position('net_revenue asc, member_key asc') }} as monetary_score

    from measured

),

final as (

    select
        -- ids
        platform,
        member_key,

        -- strings
        currency,
        first_channel,

        -- numerics
        orders,
        purchase_days,
        revenue,
        refund_amount,
        net_revenue,
        days_to_second_purchase,
        days_since_last_order,
        active_span_months,
        recency_score,
        frequency_score,
        monetary_score,

        -- booleans
        is_first_order_on_member_day,

        -- dates and timestamps
        first_ordered_at,
        last_ordered_at,
        first_order_date,
        last_order_date,
        cohort_month,
        reference_date,
        last_complete_month

    from scored

)

select * from final
