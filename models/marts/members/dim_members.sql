-- One row per member (platform + member_key) with at least one valid order: first and last valid
-- order, lifetime figures, R / F / M scores, the RFM segment, high-value, silent and community flags.
-- Figures are as of the platform's reference date (its last order day). See _members__models.yml.
with

members as (

    select * from {{ ref('int_members_scored') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

thresholds as (

    select * from {{ ref('kpi_thresholds') }}

),

tmall_members as (

    select * from {{ ref('stg_tmall__members') }}

),

-- the Tmall member export, keyed like the members (its buyer nick is hashed the same way)
platform_members as (

    select
        'tmall' as platform,
        buyer_nick as member_key,
        member_level,
        join_channel,
        joined_at

    from tmall_members

),

high_value as (

    select threshold as high_value_monthly_spend
    from thresholds
    where kpi = 'high_value_monthly_spend'

),

final as (

    select
        -- ids
        members.platform,
        members.member_key,

        -- strings
        members.currency,
        members.first_channel,
        segments.segment as rfm_segment,
        segments.segment_code as rfm_segment_code,
        platform_members.member_level,
        platform_members.join_channel,

        -- numerics
        members.orders,
        members.purchase_days,
        cast(members.revenue as {{ storeops.type_money() }}) as revenue,
        cast(members.refund_amount as {{ storeops.type_money() }}) as refund_amount,
        cast(members.net_revenue as {{ storeops.type_money() }}) as net_revenue,
        members.days_to_second_purchase,
        members.days_since_last_order,
        members.active_span_months,
        cast(
            {{ safe_divide('members.net_revenue', 'members.active_span_months') }} as {{ storeops.type_money() }}
        ) as monthly_spend,
        members.recency_score,
        members.frequency_score,
        members.monetary_score,
        cast(members.recency_score as {{ dbt.type_string() }})
        || cast(members.frequency_score as {{ dbt.type_string() }})
        || cast(members.monetary_score as {{ dbt.type_string() }}) as rfm_cell,

        -- booleans
        members.orders >= 2 as is_repeat_buyer,
        coalesce(
            {{ safe_divide('members.net_revenue', 'members.active_span_months') }}
            >= high_value.high_value_monthly_spend,
            false
        ) as is_high_value,
        members.days_since_last_order > {{ var('silent_after_days', 30) }} as is_silent,
        members.is_first_order_on_member_day,
        coalesce(
            members.first_channel = 'private_community' or platform_members.join_channel = '粉丝群',
            false
        ) as is_community_member,

        -- dates and timestamps
        members.first_ordered_at,
        members.last_ordered_at,
        members.first_order_date,
        members.last_order_date,
        members.cohort_month,
        members.reference_date,
        platform_members.joined_at

    from members
    left join segments
        on {{ storeops.rfm_segment_of('members', 'segments') }}
    left join high_value
        on 1 = 1
    left join platform_members
        on
            members.platform = platform_members.platform
            and members.member_key = platform_members.member_key

)

select * from final
