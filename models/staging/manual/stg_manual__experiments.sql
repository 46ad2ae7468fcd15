-- Experiment plans (实验计划), one row per experiment.
-- Good, latest rows of manual/experiments: one row per experiment_id, with the unit and the primary metric
-- read from the English or Chinese words an operator types (`repurchase_30d` is repurchase: the window says
-- the days; an unknown word is kept, lower-cased, and a warning test names it).
with

current_rows as (

    {{ storeops.current_export_rows('manual', 'experiments') }}

),

final as (

    select
        experiment_id,
        experiment_name,
        case
            when lower(trim(unit)) in ('visitor', 'visitors', 'user', 'users', '访客', '用户') then 'visitor'
            when lower(trim(unit)) in ('member', 'members', 'customer', 'customers', 'buyer', '会员', '客户') then 'member'
            else lower(trim(unit))
        end as unit,
        control_variant,
        start_date,
        end_date,
        case
            when
                regexp_replace(lower(trim(primary_metric)), '[ -]+', '_', 'g') like 'conversion%'
                or trim(primary_metric) in ('转化率', '转化')
                then 'conversion'
            when
                regexp_replace(lower(trim(primary_metric)), '[ -]+', '_', 'g')
                in ('revenue_per_unit', 'revenue_per_visitor', 'revenue_per_member', 'revenue', 'rpu', 'arpu')
                or trim(primary_metric) in ('人均收入', '人均销售额')
                then 'revenue_per_unit'
            when
                regexp_replace(lower(trim(primary_metric)), '[ -]+', '_', 'g') like 'repurchase%'
                or trim(primary_metric) in ('复购率', '复购')
                then 'repurchase'
            else lower(trim(primary_metric))
        end as primary_metric,
        window_days,
        planned_split,
        lower(trim(member_platform)) as member_platform,
        min_detectable_uplift,
        notes,
        {{ storeops.export_lineage_columns() }}

    from current_rows

)

select * from final
