-- Members to recall with a coupon: high value (net revenue per active month at or above the
-- kpi_thresholds threshold) and silent (no valid order for more than `silent_after_days` days,
-- 30 by default), most valuable first. The member key is hashed where the export marks it personal:
-- join it back to the platform's own export to reach the buyer.
-- Run: dbt compile -s members_to_recall, then the SQL in target/compiled/, or paste into a BI tool.
with

members as (

    select * from {{ ref('dim_members') }}

),

final as (

    select
        platform,
        member_key,
        rfm_segment,
        rfm_cell,
        orders,
        net_revenue,
        monthly_spend,
        last_order_date,
        days_since_last_order,
        first_channel,
        member_level

    from members
    where is_high_value and is_silent

)

select * from final
order by platform asc, net_revenue desc, member_key asc
