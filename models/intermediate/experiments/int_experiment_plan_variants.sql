-- One row per experiment and variant its plan names (each variant of the planned split with a positive weight,
-- and the control): the variant's weight, or, when the split is a bare number, the control's share
-- (DECISIONLOG X5). int_experiment_variants turns them into each variant's planned share.
with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

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

weights as (

    select
        experiment_id,
        trim(split_part(replace(pair, '：', ':'), ':', 1)) as variant,
        try_cast(trim(split_part(replace(pair, '：', ':'), ':', 2)) as {{ storeops.type_double() }}) as planned_weight

    from planned_pairs
    where try_cast(trim(split_part(replace(pair, '：', ':'), ':', 2)) as {{ storeops.type_double() }}) > 0

),

-- a bare number is the control's share (`10%`, `10` or `0.1`); the other variants split the rest equally
control_shares as (

    select
        experiment_id,
        control_variant as variant,
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

named as (

    select
        experiment_id,
        variant,
        false as is_control
    from weights
    union
    select
        experiment_id,
        control_variant as variant,
        true as is_control
    from experiments

),

final as (

    select
        named.experiment_id,
        named.variant,
        bool_or(named.is_control) as is_control,
        max(weights.planned_weight) as planned_weight,
        max(control_shares.control_share) as control_share

    from named
    left join weights
        on named.experiment_id = weights.experiment_id and named.variant = weights.variant
    left join control_shares
        on named.experiment_id = control_shares.experiment_id and named.variant = control_shares.variant
    group by named.experiment_id, named.variant

)

select * from final
