-- Results of experiment X: each variant against the control on the plan's primary metric, with the verdict.
-- Set the experiment with --vars '{experiment_id: EXP-RECALL}' (default: every experiment), e.g.
--   dbt compile -s experiment_results --vars '{experiment_id: EXP-PDP-COPY}'
-- then run the SQL in target/compiled/. How to read it: README, "Experiments". The control row comes first;
-- uplifts are absolute (a difference of rates or of revenue per unit) and relative (over the control);
-- ci_low / ci_high bound the absolute uplift of the primary metric at 95 %.
{%- set experiment_id = var('experiment_id', none) %}

with

results as (

    select * from {{ ref('fct_experiment_results') }}
    {%- if experiment_id %}
        where experiment_id = '{{ experiment_id }}'
    {%- endif %}

),

final as (

    select
        experiment_id,
        experiment_name,
        primary_metric,
        variant,
        is_control,
        units,
        excluded_multi_variant_units,
        converters,
        round(conversion_rate, 4) as conversion_rate,
        round(revenue_per_unit, 2) as revenue_per_unit,
        round(
            case when primary_metric = 'revenue_per_unit' then revenue_per_unit_uplift else conversion_uplift end, 4
        ) as absolute_uplift,
        round(
            case
                when primary_metric = 'revenue_per_unit' then revenue_per_unit_relative_uplift
                else conversion_relative_uplift
            end,
            4
        ) as relative_uplift,
        round(ci_low, 4) as ci_low,
        round(ci_high, 4) as ci_high,
        round(p_value, 4) as p_value,
        units_needed,
        round(srm_p_value, 4) as srm_p_value,
        verdict

    from results

)

select * from final
order by experiment_id asc, is_control desc, variant asc
