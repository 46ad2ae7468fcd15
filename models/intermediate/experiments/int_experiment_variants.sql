-- One row per experiment and variant (each variant with units, each planned variant and the control, even with
-- no units): units, converters and revenue, the control's figures beside them, the planned share, and the
-- two tests against the control (DECISIONLOG X3): the pooled two-proportion z-test of conversion with the
-- unpooled 95 % interval of the difference, and Welch's t statistic and degrees of freedom for revenue per unit
-- (its p-value and interval need the t distribution: int_experiment_t_tests).
with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

),

outcomes as (

    select * from {{ ref('int_experiment_unit_outcomes') }}

),

-- `A:50;B:50`, `treatment:90；holdout:10`, `a：1, b：1`: one row per pair with a positive weight (a bare number
-- has no pair: control_shares)
planned_pairs as (

    select
        experiment_id,
        unnest(string_split(regexp_replace(planned_split, '[；，,]', ';', 'g'), ';')) as pair

    from experiments
    where planned_split is not null

),

planned as (

    select
        experiment_id,
        trim(split_part(replace(pair, '：', ':'), ':', 1)) as variant,
        try_cast(trim(split_part(replace(pair, '：', ':'), ':', 2)) as {{ storeops.type_double() }}) as weight

    from planned_pairs
    where try_cast(trim(split_part(replace(pair, '：', ':'), ':', 2)) as {{ storeops.type_double() }}) > 0

),

-- a bare number is the control's share (`10%`, `10` or `0.1`); the other variants split the rest equally
control_shares as (

    select
        experiment_id,
        control_variant,
        case
            when trim(planned_split) like '%\%' escape '\'
                then try_cast(trim(replace(planned_split, '%', '')) as {{ storeops.type_double() }}) / 100
            when try_cast(trim(planned_split) as {{ storeops.type_double() }}) > 1
                then try_cast(trim(planned_split) as {{ storeops.type_double() }}) / 100
            else try_cast(trim(planned_split) as {{ storeops.type_double() }})
        end as control_share

    from experiments
    where {{ storeops.regexp_full_match('trim(planned_split)', '[0-9]+([.][0-9]+)? *%?') }}

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

variant_list as (

    select
        experiment_id,
        variant
    from observed
    union
    select
        experiment_id,
        variant
    from planned
    union
    select
        experiment_id,
        control_variant as variant
    from experiments

),

shares as (

    select
        variant_list.experiment_id,
        variant_list.variant,
        case
            when count(planned.weight) over by_experiment > 0
                then coalesce(planned.weight, 0) / sum(planned.weight) over by_experiment
            when control_shares.control_variant = variant_list.variant then control_shares.control_share
            when control_shares.control_share is not null
                then (1 - control_shares.control_share) / nullif(count(*) over by_experiment - 1, 0)
            else 1.0 / count(*) over by_experiment
        end as planned_share,
        count(*) over by_experiment as variants

    from variant_list
    left join planned
        on
            variant_list.experiment_id = planned.experiment_id
            and variant_list.variant = planned.variant
    left join control_shares
        on variant_list.experiment_id = control_shares.experiment_id
    window by_experiment as (partition by variant_list.experiment_id)

),

variants as (

    select
        shares.experiment_id,
        shares.variant,
        shares.variant = experiments.control_variant as is_control,
        experiments.primary_metric,
        experiments.min_detectable_uplift,
        shares.planned_share,
        shares.variants,
        coalesce(observed.units, 0) as units,
        coalesce(observed.converters, 0) as converters,
        coalesce(observed.revenue, 0) as revenue,
        observed.revenue_variance,
        {{ storeops.safe_divide('observed.converters', 'observed.units') }} as conversion_rate,
        {{ storeops.safe_divide('observed.revenue', 'observed.units') }} as revenue_per_unit

    from shares
    inner join experiments
        on shares.experiment_id = experiments.experiment_id
    left join observed
        on
            shares.experiment_id = observed.experiment_id
            and shares.variant = observed.variant

),

compared as (

    select
        variants.*,
        control.units as control_units,
        control.converters as control_converters,
        control.conversion_rate as control_conversion_rate,
        control.revenue_per_unit as control_revenue_per_unit,
        control.revenue_variance as control_revenue_variance,
        {{ storeops.safe_divide(
            'variants.converters + control.converters', 'variants.units + control.units'
        ) }} as pooled_conversion_rate,
        variants.revenue_variance / nullif(variants.units, 0) as revenue_mean_variance,
        control.revenue_variance / nullif(control.units, 0) as control_revenue_mean_variance

    from variants
    left join variants as control
        on
            variants.experiment_id = control.experiment_id
            and control.is_control
            and not variants.is_control

),

tested as (

    select
        *,
        conversion_rate - control_conversion_rate as conversion_difference,
        (conversion_rate - control_conversion_rate)
        / nullif(sqrt(
            pooled_conversion_rate * (1 - pooled_conversion_rate)
            * (1.0 / nullif(units, 0) + 1.0 / nullif(control_units, 0))
        ), 0) as z_score,
        sqrt(
            conversion_rate * (1 - conversion_rate) / nullif(units, 0)
            + control_conversion_rate * (1 - control_conversion_rate) / nullif(control_units, 0)
        ) as conversion_difference_se,
        revenue_per_unit - control_revenue_per_unit as revenue_difference,
        sqrt(revenue_mean_variance + control_revenue_mean_variance) as welch_se,
        (revenue_per_unit - control_revenue_per_unit)
        / nullif(sqrt(revenue_mean_variance + control_revenue_mean_variance), 0) as welch_t,
        power(revenue_mean_variance + control_revenue_mean_variance, 2)
        / nullif(
            power(revenue_mean_variance, 2) / nullif(units - 1, 0)
            + power(control_revenue_mean_variance, 2) / nullif(control_units - 1, 0),
            0
        ) as welch_df

    from compared

),

final as (

    select
        *,
        {{ storeops.normal_two_sided_p('z_score') }} as conversion_p_value,
        conversion_difference - {{ storeops.z_975() }} * conversion_difference_se as conversion_ci_low,
        conversion_difference + {{ storeops.z_975() }} * conversion_difference_se as conversion_ci_high

    from tested

)

select * from final
