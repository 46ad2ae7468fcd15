-- One row per experiment and unit: its variant and when it was first assigned (its first exposure), or, for a
-- unit assigned to more than one variant, no variant and is_multi_variant (excluded from the results and
-- counted in fct_experiment_results; DECISIONLOG X1).
with

assignments as (

    select * from {{ ref('int_experiment_assignments') }}

),

final as (

    select
        experiment_id,
        unit_id,
        case when count(*) = 1 then min(variant) end as variant,
        min(assignment_source) as assignment_source,
        count(*) > 1 as is_multi_variant,
        min(assigned_at) as assigned_at

    from assignments
    group by experiment_id, unit_id

)

select * from final
