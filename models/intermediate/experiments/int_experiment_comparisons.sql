-- One row per experiment and variant: its figures, the plan's name, unit, primary metric and minimum detectable
-- uplift, the control's figures beside them (NULL on the control row), and the two tests against the control
-- (DECISIONLOG X3): the pooled two-proportion z-test of conversion with the unpooled 95 % interval of the
-- difference, and Welch's t statistic, standard error and degrees of freedom for revenue per unit (its p-value
-- and interval need the t distribution: int_experiment_t_tests).
with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

),

variants as (

    select * from {{ ref('int_experiment_variants') }}

),

compared as (

    select
        variants.*,
        experiments.experiment_name,
        experiments.unit,
        experiments.primary_metric,
        experiments.min_detectable_uplift,
        control.units as control_units,
        control.conversion_rate as control_conversion_rate,
        control.revenue_per_unit as control_revenue_per_unit,
        control.revenue_variance as control_revenue_variance,
        {{ storeops.safe_divide(
            'variants.converters + control.converters', 'variants.units + control.units'
        ) }} as pooled_conversion_rate,
        variants.revenue_variance / nullif(variants.units, 0) as revenue_mean_variance,
        control.revenue_variance / nullif(control.units, 0) as control_revenue_mean_variance

    from variants
    inner join experiments
        on variants.experiment_id = experiments.experiment_id
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

select * from final  -- noqa: AM04
