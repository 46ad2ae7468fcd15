-- Results of every experiment, one row per experiment and variant (DECISIONLOG X1-X6): units, converters,
-- conversion, revenue per unit, the uplift against the control, both tests, the test of the primary metric as
-- p_value / ci_low / ci_high, the sample-ratio-mismatch check and the verdict.
with

tested as (

    select * from {{ ref('int_experiment_primary_tests') }}

),

final as (

    select
        -- ids
        experiment_id,
        variant,

        -- strings
        experiment_name,
        unit,
        primary_metric,

        -- booleans
        is_control,

        -- numerics: units and outcomes
        units,
        cast(excluded_multi_variant_units as bigint) as excluded_multi_variant_units,
        planned_share,
        cast(converters as bigint) as converters,
        conversion_rate,
        cast(revenue as decimal(18, 2)) as revenue,
        revenue_per_unit,

        -- numerics: against the control
        control_units,
        control_conversion_rate,
        control_revenue_per_unit,
        conversion_difference as conversion_uplift,
        {{ storeops.safe_divide('conversion_difference', 'control_conversion_rate') }} as conversion_relative_uplift,
        revenue_difference as revenue_per_unit_uplift,
        {{ storeops.safe_divide('revenue_difference', 'control_revenue_per_unit') }}
            as revenue_per_unit_relative_uplift,
        z_score,
        conversion_p_value,
        conversion_ci_low,
        conversion_ci_high,
        welch_t,
        welch_df,
        revenue_p_value,
        revenue_ci_low,
        revenue_ci_high,

        -- numerics: the primary metric's test
        p_value,
        ci_low,
        ci_high,
        units_needed,
        srm_chi_square,
        srm_p_value,

        -- the verdict (DECISIONLOG X6); the control row has none unless the split is off
        case
            when srm_p_value < 0.001 then 'sample ratio mismatch'
            when is_control then null
            when p_value is null then 'too few units'
            when p_value < 0.05 and primary_difference > 0 then 'significant win'
            when p_value < 0.05 and primary_difference < 0 then 'significant loss'
            when least(units, control_units) < units_needed then 'too few units'
            else 'no significant difference'
        end as verdict

    from tested

)

select * from final
