-- One row per experiment and variant, what the verdict reads: int_experiment_t_tests with the experiment's split
-- check (int_experiment_split_checks) beside it, the test of the plan's primary metric as
-- p_value / ci_low / ci_high and its difference (Welch for revenue_per_unit, the z-test for conversion and
-- repurchase; DECISIONLOG X3), and the units per variant needed to detect the effect (X6).
with

tested as (

    select * from {{ ref('int_experiment_t_tests') }}

),

split_checks as (

    select * from {{ ref('int_experiment_split_checks') }}

),

planned as (

    select
        tested.*,
        tested.primary_metric = 'revenue_per_unit' as is_revenue_primary,
        split_checks.srm_chi_square,
        split_checks.srm_p_value,
        split_checks.excluded_multi_variant_units

    from tested
    left join split_checks
        on tested.experiment_id = split_checks.experiment_id

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

    from planned

),

final as (

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

)

select * from final  -- noqa: AM04
