-- Valid orders of members (platform + member_key), one row per order, with the member's order
-- sequence, cohort month and months since the first order, the member-day flag of the order's day,
-- and the platform's reference date (its last order day) and last complete month.
-- A table: every member mart and test reads it.
{{ config(materialized='table') }}

with

orders as (

    select * from {{ ref('int_orders') }}

),

platform_days as (

    select * from {{ ref('int_member_platform_days') }}

),

valid_orders as (

    select * from orders
    where is_valid and member_key is not null

),

sequenced as (

    select
        *,
        row_number() over by_member as order_number,
        dense_rank() over (partition by platform, member_key order by order_date) as purchase_day_number,
        min(order_date) over (partition by platform, member_key) as first_order_date

    from valid_orders
    window by_member as (partition by platform, member_key order by ordered_at, order_id)

),

final as (

    select
        -- ids
        sequenced.platform,
        sequenced.member_key,
        sequenced.order_id,
        sequenced.store_id,

        -- strings
        sequenced.channel,
        sequenced.coupon_code,
        sequenced.currency,

        -- numerics
        sequenced.gross_amount,
        sequenced.refund_amount,
        sequenced.net_amount,
        sequenced.order_number,
        sequenced.purchase_day_number,
        {{ dbt.datediff('sequenced.first_order_date', 'sequenced.order_date', 'day') }}
            as days_since_first,
        {{ dbt.datediff(
            dbt.date_trunc('month', 'sequenced.first_order_date'),
            dbt.date_trunc('month', 'sequenced.order_date'),
            'month'
        ) }} as months_since_first,

        -- booleans
        sequenced.order_number = 1 as is_first_order,
        coalesce(platform_days.is_member_day, false) as is_member_day,

        -- dates
        sequenced.ordered_at,
        sequenced.order_date,
        sequenced.first_order_date,
        cast({{ dbt.date_trunc('month', 'sequenced.order_date') }} as date) as order_month,
        cast({{ dbt.date_trunc('month', 'sequenced.first_order_date') }} as date) as cohort_month,
        platform_days.reference_date,
        platform_days.last_complete_month

    from sequenced
    inner join platform_days
        on
            sequenced.platform = platform_days.platform
            and sequenced.order_date = platform_days.calendar_date

)

select * from final
