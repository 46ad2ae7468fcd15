-- One row per platform and calendar month (from the platform's first order month to its
-- reference month): buyers, repurchase rate (复购率), Shopify's returning-customer rate, and the
-- share of the month's first-time buyers who reorder within 30 / 60 / 90 days.
-- Two orders on one day are ONE purchase for repurchase: a repeat needs a second purchase day.
{%- set reorder_windows = [30, 60, 90] %}
with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

spine as (

    select * from {{ ref('int_member_platform_months') }}

),

-- each member's purchase days in a month, and their valid orders up to the month's end
member_months as (

    select
        platform,
        member_key,
        order_month,
        count(distinct order_date) as purchase_days,
        max(order_number) as orders_to_month_end

    from member_orders
    group by platform, member_key, order_month

),

monthly_buyers as (

    select
        platform,
        order_month,
        count(*) as buyers,
        count(case when purchase_days >= 2 then 1 end) as repeat_buyers,
        count(case when orders_to_month_end >= 2 then 1 end) as returning_customers

    from member_months
    group by platform, order_month

),

-- each member's days observed (first order day to the reference date) and first later purchase day
first_reorders as (

    select
        platform,
        member_key,
        cohort_month,
        {{ dbt.datediff('min(first_order_date)', 'min(reference_date)', 'day') }}
            as days_observed,
        min(case when purchase_day_number = 2 then days_since_first end) as days_to_second_purchase

    from member_orders
    group by platform, member_key, cohort_month

),

new_buyers as (

    select
        platform,
        cohort_month as order_month,
        {%- for days in reorder_windows %}
            {{ storeops.reorder_within_days(days, 'new_buyers') }},
        {%- endfor %}
        count(*) as new_buyers

    from first_reorders
    group by platform, cohort_month

),

final as (

    select
        -- ids
        spine.platform,
        spine.month_start as order_month,

        -- numerics: monthly windows (NULL for a month not complete in the data)
        case when spine.is_complete_month then coalesce(monthly_buyers.buyers, 0) end as buyers,
        case when spine.is_complete_month then coalesce(monthly_buyers.repeat_buyers, 0) end as repeat_buyers,
        case when spine.is_complete_month then {{ safe_divide(
            'monthly_buyers.repeat_buyers', 'monthly_buyers.buyers'
        ) }} end as repurchase_rate,
        case when spine.is_complete_month then coalesce(monthly_buyers.returning_customers, 0) end
            as returning_customers,
        case when spine.is_complete_month then {{ safe_divide(
            'monthly_buyers.returning_customers', 'monthly_buyers.buyers'
        ) }} end as returning_customer_rate,

        -- numerics: first-time buyers of the month, each followed for N days after the first order
        coalesce(new_buyers.new_buyers, 0) as new_buyers,
        {%- for days in reorder_windows %}
            {%- set observed = 'new_buyers_observed_' ~ days ~ 'd' %}
            {%- set reordered = 'new_buyers_reordered_' ~ days ~ 'd' %}
            coalesce(new_buyers.{{ observed }}, 0) as {{ observed }},
            coalesce(new_buyers.{{ reordered }}, 0) as {{ reordered }},
            {{ safe_divide('new_buyers.' ~ reordered, 'new_buyers.' ~ observed) }} as reorder_rate_{{ days }}d,
        {%- endfor %}

        -- booleans
        spine.is_complete_month,

        -- dates
        spine.reference_date

    from spine
    left join monthly_buyers
        on
            spine.platform = monthly_buyers.platform
            and spine.month_start = monthly_buyers.order_month
    left join new_buyers
        on
            spine.platform = new_buyers.platform
            and spine.month_start = new_buyers.order_month

)

select * from final
