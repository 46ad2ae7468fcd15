-- Results of every experiment, one row per experiment and variant (DECISIONLOG X1-X6): units, converters,
-- conversion, revenue per unit, the uplift against the control, both tests, the test of the primary metric as
-- p_value / ci_low / ci_high, the sample-ratio-mismatch check and the verdict.
with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

),

variants as (

    select * from {{ ref('int_experiment_variants') }}

),

t_tests as (

    select * from {{ ref('int_experiment_t_tests') }}

),

units as (

    select * from {{ ref('int_experiment_units') }}

),

excluded as (

    select
        experiment_id,
        count_if(is_multi_variant) as excluded_multi_variant_units

    from units
    group by experiment_id

),

srm_terms as (

    select
        experiment_id,
        planned_share,
        units,
        sum(units) over (partition by experiment_id) as total_units

    from variants

),

-- chi-square of the units per variant against the planned shares; units in a variant the plan gives no share
-- are a mismatch whatever their number (p = 0)
srm as (

    select
        experiment_id,
        sum(
            case
                when planned_share > 0
                    then power(units - planned_share * total_units, 2) / nullif(planned_share * total_units, 0)
            end
        ) as srm_chi_square,
        bool_or(planned_share = 0 and units > 0) as has_unplanned_units,
        count(*) - 1 as srm_df

    from srm_terms
    group by experiment_id

),

srm_tested as (

    select
        experiment_id,
        srm_chi_square,
        case
            when has_unplanned_units then 0.0
            when srm_df >= 1 then {{ storeops.chi_square_sf('srm_chi_square', 'srm_df') }}
        end as srm_p_value

    from srm

),

joined as (

    select
        variants.*,
        experiments.experiment_name,
        experiments.unit,
        t_tests.revenue_p_value,
        variants.revenue_difference - t_tests.t_quantile_975 * variants.welch_se as revenue_ci_low,
        variants.revenue_difference + t_tests.t_quantile_975 * variants.welch_se as revenue_ci_high,
        srm_tested.srm_chi_square,
        srm_tested.srm_p_value,
        coalesce(excluded.excluded_multi_variant_units, 0) as excluded_multi_variant_units,
        variants.primary_metric = 'revenue_per_unit' as is_revenue_primary

    from variants
    inner join experiments
        on variants.experiment_id = experiments.experiment_id
    left join t_tests
        on
            variants.experiment_id = t_tests.experiment_id
            and variants.variant = t_tests.variant
    left join srm_tested
        on variants.experiment_id = srm_tested.experiment_id
    left join excluded
        on variants.experiment_id = excluded.experiment_id

),

-- units per variant needed to detect the effect (the plan's minimum detectable uplift, else the observed
-- one) at 80 % power with a two-sided 5 % test: (z_0.975 + z_0.8)^2 * (variance sum) / effect^2
powered as (

    select
        *,
        case
            when is_revenue_primary then revenue_difference else conversion_difference
        end as primary_difference,
        case
            when is_revenue_primary and min_detectable_uplift is not null
                then min_detectable_uplift * control_revenue_per_unit
            when is_revenue_primary then revenue_difference
            when min_detectable_uplift is not null then min_detectable_uplift * control_conversion_rate
            else conversion_difference
        end as detectable_difference,
        case
            when is_revenue_primary then revenue_variance + control_revenue_variance
            when min_detectable_uplift is not null
                then
                    control_conversion_rate * (1 - control_conversion_rate)
                    + control_conversion_rate * (1 + min_detectable_uplift)
                    * (1 - control_conversion_rate * (1 + min_detectable_uplift))
            else
                conversion_rate * (1 - conversion_rate)
                + control_conversion_rate * (1 - control_conversion_rate)
        end as variance_sum

    from joined

),

reported as (

    select
        *,
        case when is_revenue_primary then revenue_p_value else conversion_p_value end as p_value,
        case when is_revenue_primary then revenue_ci_low else conversion_ci_low end as ci_low,
        case when is_revenue_primary then revenue_ci_high else conversion_ci_high end as ci_high,
        cast(ceil(
            power({{ storeops.z_975() }} + {{ storeops.z_80() }}, 2) * variance_sum
            / nullif(power(detectable_difference, 2), 0)
        ) as bigint) as units_needed

    from powered

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

    from reported

)

select * from final
