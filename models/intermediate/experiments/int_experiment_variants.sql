-- One row per experiment and variant (each variant with units, each variant the plan names and the control,
-- even with no units): the units, converters and revenue of its units, its rates and its planned share
-- (DECISIONLOG X2, X5). The tests against the control: int_experiment_comparisons.
with

outcomes as (

    select * from {{ ref('int_experiment_unit_outcomes') }}

),

plan_variants as (

    select * from {{ ref('int_experiment_plan_variants') }}

),

observed as (

    select
        experiment_id,
        variant,
        count(*) as units,
        count_if(is_converted) as converters,
        sum(revenue) as revenue,
        var_samp(revenue) as revenue_variance

    from outcomes
    group by experiment_id, variant

),

final as (

    select
        coalesce(observed.experiment_id, plan_variants.experiment_id) as experiment_id,
        coalesce(observed.variant, plan_variants.variant) as variant,
        coalesce(plan_variants.is_control, false) as is_control,
        -- the plan's weights normalised; else the control's share and the rest split equally; else equal shares
        case
            when count(plan_variants.planned_weight) over by_experiment > 0
                then coalesce(plan_variants.planned_weight, 0) / sum(plan_variants.planned_weight) over by_experiment
            when plan_variants.control_share is not null then plan_variants.control_share
            when max(plan_variants.control_share) over by_experiment is not null
                then
                    (1 - max(plan_variants.control_share) over by_experiment)
                    / nullif(count(*) over by_experiment - 1, 0)
            else 1.0 / count(*) over by_experiment
        end as planned_share,
        coalesce(observed.units, 0) as units,
        coalesce(observed.converters, 0) as converters,
        coalesce(observed.revenue, 0) as revenue,
        observed.revenue_variance,
        {{ storeops.safe_divide('observed.converters', 'observed.units') }} as conversion_rate,
        {{ storeops.safe_divide('observed.revenue', 'observed.units') }} as revenue_per_unit

    -- every variant with units, and every variant the plan names
    from observed
    full outer join plan_variants
        on
            observed.experiment_id = plan_variants.experiment_id
            and observed.variant = plan_variants.variant
    window by_experiment as (partition by coalesce(observed.experiment_id, plan_variants.experiment_id))

)

select * from final
