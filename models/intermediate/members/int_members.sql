-- One row per member (platform + member_key) with a valid order: lifetime figures as of the platform's
-- reference date (its last order day), and the channel, currency and member-day flag of the first valid order.
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

final as (

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

)

select * from final
