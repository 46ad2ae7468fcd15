-- The manual_costs seed spread over days: one row per cost row (platform, channel, cost_type, start_date) and day.
-- Rule (DECISIONLOG R2): a period cost is spread evenly over the inclusive days of its period; a member_crm cost
-- (member-day discounts, member-day SMS) over the member days of its platform in its period (int_campaign_days: the
-- operator's calendar, the seed as its default; DECISIONLOG K6), or over every day when the period holds none.
-- Amounts are split in whole cents: each day gets floor(cents / days) and the first (cents mod days) days one cent
-- more, so the pieces of a cost add up to its amount exactly.
{{ config(materialized='table') }}

with

manual_costs as (

    select * from {{ ref('manual_costs') }}

),

member_day as (

    select * from {{ ref('int_campaign_days') }}
    where is_recurring

),

-- one row per day of each cost's period (DuckDB's generate_series: dbt has no cross-database macro for a
-- per-row day range; on Spark this is sequence() + explode())
cost_days as (

    select
        manual_costs.platform,
        manual_costs.channel,
        manual_costs.cost_type,
        manual_costs.start_date,
        manual_costs.end_date,
        manual_costs.amount,
        cast(period_day.calendar_date as date) as stat_date

    from manual_costs
    cross join
        unnest(
            generate_series(
                cast(manual_costs.start_date as timestamp), cast(manual_costs.end_date as timestamp), interval 1 day
            )
        ) as period_day (calendar_date)

),

member_days_flagged as (

    select
        *,
        exists(
            select 1 from member_day
            where (cost_days.platform, cost_days.stat_date) = (member_day.platform, member_day.calendar_date)
        ) as is_member_day

    from cost_days

),

spread_rule as (

    select
        *,
        channel = 'member_crm'
        and max(cast(is_member_day as integer)) over by_cost = 1 as is_member_day_spread

    from member_days_flagged
    window by_cost as (partition by platform, channel, cost_type, start_date)

),

spread_days as (

    select
        *,
        row_number()
            over (partition by platform, channel, cost_type, start_date order by stat_date)
            as spread_day_number,
        count(*) over by_cost as spread_days,
        cast(round(amount * 100) as bigint) as amount_cents

    from spread_rule
    where is_member_day or not is_member_day_spread
    window by_cost as (partition by platform, channel, cost_type, start_date)

),

final as (

    select
        -- ids
        platform || '|' || channel || '|' || cost_type || '|' || cast(start_date as {{ dbt.type_string() }}) as cost_id,

        -- strings
        platform,
        channel,
        cost_type,

        -- numerics
        cast(
            (
                (amount_cents - amount_cents % spread_days) / spread_days
                + case when spread_day_number <= amount_cents % spread_days then 1 else 0 end
            ) / 100.0
            as {{ storeops.type_money() }}
        ) as spend,
        amount as period_amount,
        spread_days,

        -- booleans
        is_member_day_spread,

        -- dates
        start_date,
        end_date,
        stat_date

    from spread_days

)

select * from final
