-- RFM segment sizes over time: members per segment at the end of each month and on the platform's reference
-- date, as if dim_members had been built on that day (fct_member_rfm_monthly scores them with dim_members'
-- definition; DECISIONLOG R9-R10). Each date is a state: compare dates, never add them up.
-- Run: dbt compile -s segment_sizes_over_time, then the SQL in target/compiled/, or paste into a BI tool.
with

rfm_monthly as (

    select * from {{ ref('fct_member_rfm_monthly') }}

),

final as (

    select
        platform,
        as_of_date,
        rfm_segment,
        members,
        member_share

    from rfm_monthly
    where platform_members > 0

)

select * from final
order by platform asc, as_of_date asc, members desc
