-- RFM segment sizes over time: members per segment at the end of each complete month, as if
-- dim_members had been built on that day. Same scoring as int_members_scored (rank-based quintiles
-- within the platform, ties share the score, R on days since the last valid order, F on valid
-- orders), applied to each member's valid orders up to the month's end; segments from rfm_segments.
-- Run: dbt compile -s segment_sizes_over_time, then the SQL in target/compiled/, or paste into a BI tool.
with

member_orders as (

    select * from {{ ref('int_member_orders') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

months as (

    select distinct
        platform,
        order_month as snapshot_month,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'order_month')) }} as date) as snapshot_date

    from member_orders
    where order_month <= last_complete_month

),

as_of as (

    select
        months.platform,
        months.snapshot_month,
        months.snapshot_date,
        member_orders.member_key,
        max(member_orders.order_date) as last_order_date,
        count(*) as orders

    from months
    inner join member_orders
        on
            months.platform = member_orders.platform
            and months.snapshot_date >= member_orders.order_date
    group by months.platform, months.snapshot_month, months.snapshot_date, member_orders.member_key

),

recency as (

    select
        *,
        {{ dbt.datediff('last_order_date', 'snapshot_date', 'day') }}
            as days_since_last_order

    from as_of

),

ranked as (

    select
        *,
        count(*) over snapshot as snapshot_members,
        rank() over (partition by platform, snapshot_month order by days_since_last_order desc) as recency_rank,
        rank() over (partition by platform, snapshot_month order by orders) as frequency_rank

    from recency
    window snapshot as (partition by platform, snapshot_month)

),

scored as (

    select
        *,
        1 + cast(floor(5.0 * (recency_rank - 1) / snapshot_members) as {{ dbt.type_int() }}) as r_score,
        1 + cast(floor(5.0 * (frequency_rank - 1) / snapshot_members) as {{ dbt.type_int() }}) as f_score

    from ranked

),

final as (

    select
        scored.platform,
        scored.snapshot_month,
        segments.segment,
        count(*) as members

    from scored
    inner join segments
        on
            scored.r_score = segments.r_score
            and scored.f_score = segments.f_score
    group by scored.platform, scored.snapshot_month, segments.segment

)

select * from final
order by platform asc, snapshot_month asc, members desc
