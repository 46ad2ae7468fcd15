-- One row per experiment: how its units split. The sample-ratio-mismatch test of the units per variant against
-- the planned shares (Pearson's chi-square, variants - 1 degrees of freedom; DECISIONLOG X5) and the units
-- left out for being assigned to more than one variant (X1).
-- A table (one row per experiment): it ends the chain of views from the operator's sheet (base and stg
-- views, DECISIONLOG K1) so that the mart does not stack six views (dbt-project-evaluator's chained views).
{{ config(materialized='table') }}

with

variants as (

    select * from {{ ref('int_experiment_variants') }}

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

final as (

    select
        srm.experiment_id,
        srm.srm_chi_square,
        case
            when srm.has_unplanned_units then 0.0
            when srm.srm_df >= 1 then {{ storeops.chi_square_sf('srm.srm_chi_square', 'srm.srm_df') }}
        end as srm_p_value,
        coalesce(excluded.excluded_multi_variant_units, 0) as excluded_multi_variant_units

    from srm
    left join excluded
        on srm.experiment_id = excluded.experiment_id

)

select * from final
