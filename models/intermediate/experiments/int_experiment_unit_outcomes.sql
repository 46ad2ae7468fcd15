-- One row per experiment and assigned unit (multi-variant units left out): its outcome inside the window,
-- [assigned_at, assigned_at + window_days days), in shop time (DECISIONLOG X2).
-- A visitor's outcome is its own-shop purchases (int_site_purchases, revenue = purchase revenue); a member's is
-- its valid orders (int_member_orders, revenue = net amount), on the plan's member_platform or on any platform.
-- A unit with none is a unit that did not convert, with revenue 0.
{{ config(materialized='table') }}

with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

),

units as (

    select * from {{ ref('int_experiment_units') }}
    where not is_multi_variant

),

-- what a unit can do in its window, one row per purchase or valid order, by the unit kind it counts for
purchases as (

    select
        'visitor' as unit,
        user_pseudo_id as unit_id,
        cast(null as varchar) as platform,
        purchase_key as outcome_key,
        purchase_revenue as revenue,
        {{ storeops.shop_time('event_timestamp', 'site') }} as purchased_at
    from {{ ref('int_site_purchases') }}
    union all
    select
        'member' as unit,
        member_key as unit_id,
        platform,
        platform || ':' || order_id as outcome_key,
        net_amount as revenue,
        ordered_at as purchased_at
    from {{ ref('int_member_orders') }}

),

windows as (

    select
        units.experiment_id,
        units.unit_id,
        units.variant,
        experiments.unit,
        experiments.member_platform,
        units.assigned_at,
        {{ dbt.dateadd('day', 'experiments.window_days', 'units.assigned_at') }} as window_ends_at

    from units
    inner join experiments
        on units.experiment_id = experiments.experiment_id

),

final as (

    select
        windows.experiment_id,
        windows.unit_id,
        windows.variant,
        windows.unit,
        count(distinct purchases.outcome_key) as outcomes,
        count(purchases.outcome_key) > 0 as is_converted,
        cast(coalesce(sum(purchases.revenue), 0) as {{ storeops.type_double() }}) as revenue,
        windows.assigned_at,
        windows.window_ends_at

    from windows
    left join purchases
        on
            windows.unit = purchases.unit
            and windows.unit_id = purchases.unit_id
            and (windows.unit = 'visitor' or coalesce(windows.member_platform, purchases.platform) = purchases.platform)
            and windows.assigned_at <= purchases.purchased_at
            and windows.window_ends_at > purchases.purchased_at
    group by all

)

select * from final
