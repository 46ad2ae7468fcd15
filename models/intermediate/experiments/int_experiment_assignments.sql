-- Every assignment of a unit to a variant of an experiment: one row per experiment_id, unit_id and variant,
-- at its first time (DECISIONLOG X1).
-- An experiment with rows in the assignment export (stg_generic__experiment_assignments) takes its units from
-- there: a member by its hashed member_id (the member key of int_orders), else a visitor by visitor_id. Any
-- other visitor experiment takes them from the own shop's events: a visitor is exposed by an event with an
-- experiment_variant on a day of the plan (start_date to end_date, shop days); `<experiment_id>:<variant>`
-- names the experiment, a bare variant belongs to every such experiment running that day. Times are shop time.
with

experiments as (

    select * from {{ ref('stg_manual__experiments') }}

),

exported as (

    select * from {{ ref('stg_generic__experiment_assignments') }}

),

site_events as (

    select * from {{ ref('stg_site__events') }}
    where experiment_variant is not null

),

exported_experiments as (

    select distinct experiment_id from exported

),

site_exposures as (

    select
        site_events.user_pseudo_id,
        site_events.event_date,
        {{ storeops.shop_time('site_events.event_timestamp', 'site') }} as exposed_at,
        case
            when site_events.experiment_variant like '%:%'
                then trim(split_part(site_events.experiment_variant, ':', 1))
        end as named_experiment_id,
        case
            when site_events.experiment_variant like '%:%'
                then trim(substr(site_events.experiment_variant, strpos(site_events.experiment_variant, ':') + 1))
            else trim(site_events.experiment_variant)
        end as variant

    from site_events

),

from_events as (

    select
        experiments.experiment_id,
        site_exposures.user_pseudo_id as unit_id,
        site_exposures.variant,
        site_exposures.exposed_at as assigned_at,
        'site_events' as assignment_source

    from site_exposures
    inner join experiments
        on
            site_exposures.event_date between experiments.start_date and experiments.end_date
            and coalesce(site_exposures.named_experiment_id, experiments.experiment_id) = experiments.experiment_id
    left join exported_experiments
        on experiments.experiment_id = exported_experiments.experiment_id
    where experiments.unit = 'visitor' and exported_experiments.experiment_id is null

),

from_export as (

    select
        experiment_id,
        coalesce(member_id, visitor_id) as unit_id,
        variant,
        assigned_at,
        'assignment_export' as assignment_source

    from exported
    where coalesce(member_id, visitor_id) is not null

),

unioned as (

    select * from from_events
    union all
    select * from from_export

),

final as (

    select
        experiment_id,
        unit_id,
        variant,
        min(assigned_at) as assigned_at,
        min(assignment_source) as assignment_source

    from unioned
    group by experiment_id, unit_id, variant

)

select * from final
