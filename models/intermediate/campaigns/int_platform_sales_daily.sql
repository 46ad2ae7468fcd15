-- One row per platform and day over the platform's order days (int_member_platform_days: its first to its
-- last order day), zero-filled: GMV, paying buyers and orders of valid orders by the day they count as paid
-- (paid_at: a pre-sale order on its balance day, DECISIONLOG PS1), new customers by the day of their first
-- valid order (int_member_orders), refunds of the orders paid that day, visitors where the funnel has them,
-- and pre-sale deposits by the day they were paid. The daily facts the campaign marts and baselines read.
{{ config(materialized='table') }}
{%- set money = storeops.type_money() %}

with

platform_days as (

    select * from {{ ref('int_member_platform_days') }}

),

paid as (

    select
        platform,
        cast(paid_at as date) as calendar_date,
        sum(case when is_valid then gross_amount else 0 end) as gmv,
        count(distinct case when is_valid then member_key end) as paying_buyers,
        count(case when is_valid then order_id end) as orders,
        sum(gross_amount) as paid_amount,
        sum(refund_amount) as refund_amount

    from {{ ref('int_orders') }}
    where is_paid and not is_cancelled and not is_test_order
    group by platform, cast(paid_at as date)

),

new_customers as (

    select
        platform,
        order_date as calendar_date,
        count(*) as new_customers

    from {{ ref('int_member_orders') }}
    where is_first_order
    group by platform, order_date

),

deposits as (

    select
        platform,
        cast(deposit_paid_at as date) as calendar_date,
        sum(deposit_amount) as deposit_amount,
        count(*) as deposit_orders

    from {{ ref('int_orders') }}
    where is_presale and deposit_paid_at is not null and not is_test_order
    group by platform, cast(deposit_paid_at as date)

),

visitors as (

    select
        platform,
        stat_date as calendar_date,
        sum(visitors) as visitors

    from {{ ref('int_funnel_store_daily_counts') }}
    group by platform, stat_date

),

final as (

    select
        -- keys
        platform_days.platform,
        platform_days.calendar_date,

        -- numerics
        cast(coalesce(paid.gmv, 0) as {{ money }}) as gmv,
        coalesce(paid.paying_buyers, 0) as paying_buyers,
        coalesce(paid.orders, 0) as orders,
        coalesce(new_customers.new_customers, 0) as new_customers,
        cast(coalesce(paid.paid_amount, 0) as {{ money }}) as paid_amount,
        cast(coalesce(paid.refund_amount, 0) as {{ money }}) as refund_amount,
        cast(visitors.visitors as bigint) as visitors,
        cast(coalesce(deposits.deposit_amount, 0) as {{ money }}) as deposit_amount,
        coalesce(deposits.deposit_orders, 0) as deposit_orders

    from platform_days
    left join paid
        on platform_days.platform = paid.platform and platform_days.calendar_date = paid.calendar_date
    left join new_customers
        on platform_days.platform = new_customers.platform and platform_days.calendar_date = new_customers.calendar_date
    left join deposits
        on platform_days.platform = deposits.platform and platform_days.calendar_date = deposits.calendar_date
    left join visitors
        on platform_days.platform = visitors.platform and platform_days.calendar_date = visitors.calendar_date

)

select * from final
