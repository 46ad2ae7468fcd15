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

site_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

member_orders as (

    select * from {{ ref('int_member_orders') }}

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

outcomes as (

    select
        windows.experiment_id,
        windows.unit_id,
        site_purchases.purchase_key as outcome_key,
        site_purchases.purchase_revenue as revenue

    from windows
    inner join site_purchases
        on
            windows.unit_id = site_purchases.user_pseudo_id
            and windows.assigned_at <= {{ storeops.shop_time('site_purchases.event_timestamp', 'site') }}
            and windows.window_ends_at > {{ storeops.shop_time('site_purchases.event_timestamp', 'site') }}
    where windows.unit = 'visitor'

    union all

    select
        windows.experiment_id,
        windows.unit_id,
        member_orders.platform || ':' || member_orders.order_id as outcome_key,
        member_orders.net_amount as revenue

    from windows
    inner join member_orders
        on
            windows.unit_id = member_orders.member_key
            and coalesce(windows.member_platform, member_orders.platform) = member_orders.platform
            and windows.assigned_at <= member_orders.ordered_at
            and windows.window_ends_at > member_orders.ordered_at
    where windows.unit = 'member'

),

per_unit as (

    select
        experiment_id,
        unit_id,
        count(distinct outcome_key) as outcomes,
        sum(revenue) as revenue

    from outcomes
    group by experiment_id, unit_id

),

final as (

    select
        windows.experiment_id,
        windows.unit_id,
        windows.variant,
        windows.unit,
        coalesce(per_unit.outcomes, 0) as outcomes,
        coalesce(per_unit.outcomes, 0) > 0 as is_converted,
        cast(coalesce(per_unit.revenue, 0) as {{ storeops.type_double() }}) as revenue,
        windows.assigned_at,
        windows.window_ends_at

    from windows
    left join per_unit
        on
            windows.experiment_id = per_unit.experiment_id
            and windows.unit_id = per_unit.unit_id

)

select * from final
