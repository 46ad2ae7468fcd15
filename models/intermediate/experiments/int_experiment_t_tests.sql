-- int_experiment_comparisons with Welch's t-test of revenue per unit completed, one row per experiment and
-- variant: the two-sided p-value P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2) and the 95 % interval, the
-- 97.5 % quantile of T with the Welch df times the standard error, through the regularised incomplete beta of
-- macros/experiments.sql (DECISIONLOG X4). The quantile starts from the Cornish-Fisher expansion in 1 / df
-- (Hill 1970, four terms) and takes four Newton steps on the exact CDF.
{{ config(materialized='table') }}

{%- set newton_steps = 4 %}

with recursive

comparisons as (

    select * from {{ ref('int_experiment_comparisons') }}

),

variants as (

    select
        experiment_id,
        variant,
        experiment_id || chr(31) || variant as test_key,
        welch_t,
        welch_df

    from comparisons
    where welch_t is not null and welch_df > 0

),

p_input as (

    select
        test_key,
        welch_df / 2.0 as a,
        0.5 as b,
        welch_df / (welch_df + welch_t * welch_t) as x

    from variants

),

{{ storeops.incomplete_beta_ctes('p_beta', 'p_input') }},

quantile_0 as (

    select
        test_key,
        welch_df,
        {{ storeops.z_975() }}
        + 2.372271230298562 / welch_df
        + 2.8224986157396112 / power(welch_df, 2)
        + 2.555849679507722 / power(welch_df, 3)
        + 1.5895340533938225 / power(welch_df, 4) as q

    from variants

),

{% for step in range(1, newton_steps + 1) %}
    newton_input_{{ step }} as (

        select
            test_key,
            welch_df / 2.0 as a,
            0.5 as b,
            welch_df / (welch_df + q * q) as x

        from quantile_{{ step - 1 }}

    ),

    {{ storeops.incomplete_beta_ctes('newton_beta_' ~ step, 'newton_input_' ~ step) }},

    -- q - (F(q) - 0.975) / f(q), F(q) = 1 - I / 2 for q > 0
    quantile_{{ step }} as (

        select
            quantile_{{ step - 1 }}.test_key,
            quantile_{{ step - 1 }}.welch_df,
            quantile_{{ step - 1 }}.q - (0.025 - 0.5 * newton_beta_{{ step }}.value)
            / {{ storeops.t_density('quantile_' ~ (step - 1) ~ '.q', 'quantile_' ~ (step - 1) ~ '.welch_df') }} as q

        from quantile_{{ step - 1 }}
        inner join newton_beta_{{ step }}
            on quantile_{{ step - 1 }}.test_key = newton_beta_{{ step }}.test_key

    ),

{% endfor %}
final as (

    select
        comparisons.*,
        p_beta.value as revenue_p_value,
        comparisons.revenue_difference - quantile_{{ newton_steps }}.q * comparisons.welch_se as revenue_ci_low,
        comparisons.revenue_difference + quantile_{{ newton_steps }}.q * comparisons.welch_se as revenue_ci_high

    from comparisons
    left join p_beta
        on comparisons.experiment_id || chr(31) || comparisons.variant = p_beta.test_key
    left join quantile_{{ newton_steps }}
        on comparisons.experiment_id || chr(31) || comparisons.variant = quantile_{{ newton_steps }}.test_key

)

select * from final  -- noqa: AM04
