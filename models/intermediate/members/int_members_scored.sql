-- One row per member (platform + member_key) with a valid order: the lifetime figures of int_members and
-- the R / F / M quintile scores (5 = best).
-- Scores are quintiles of the position within the platform (5 = best); members with equal values are
-- ordered by member key, so every score holds a fifth of the members and reruns agree; see DECISIONLOG M5.
{{ config(materialized='table') }}

with

members as (

    select * from {{ ref('int_members') }}

),

-- quintile of the position within the platform: 1 + floor(5 × (position − 1) / members), 5 = best;
-- ties are ordered by member key (macros/members.sql, also used by fct_member_rfm_monthly)
scored as (

    select
        *,
        {{ storeops.rfm_scores() }}

    from members

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
