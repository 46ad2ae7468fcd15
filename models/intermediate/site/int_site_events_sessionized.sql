-- Own-shop events with the session each belongs to, by the 30-minute inactivity rule:
-- a user's event more than `session_timeout_minutes` after their previous event starts a new session.
-- Incremental by event_date (macros/incremental.sql): a run recomputes the events from the window start on,
-- continuing each user's sessions from their last event before the window (kept from the previous build).
-- This relies on event_date being the day of event_timestamp in the shop's time zone (so that events before
-- the window come first in time); pytests/test_incremental.py checks the result equals a full refresh.
{{ config(
    materialized='incremental', incremental_strategy='delete+insert', unique_key='event_date', on_schema_change='fail'
) }}
{%- set window = storeops.incremental_window(ref('base_site__events'), '_window_date') %}

with

events as (

    select * from {{ ref('stg_site__events') }}
    {%- if window is not none %}
        where {{ storeops.in_window(window, 'event_date') }}
    {%- endif %}

),

-- each user's last event before the window: their sessions continue from it (none in a full build)
previous_events as (

    {%- if window is not none %}
        select
            user_pseudo_id,
            event_timestamp,
            session_number,
            event_sequence

        from {{ this }}
        where
            not {{ storeops.in_window(window, 'event_date') }}
            and user_pseudo_id in (select events.user_pseudo_id from events)
        qualify row_number() over (
            partition by user_pseudo_id order by event_timestamp desc, event_id desc
        ) = 1
    {%- else %}
        select
            user_pseudo_id,
            event_timestamp,
            cast(0 as {{ dbt.type_bigint() }}) as session_number,
            cast(0 as {{ dbt.type_bigint() }}) as event_sequence

        from events
        where false
    {%- endif %}

),

gaps as (

    select
        events.*,
        coalesce(
            lag(events.event_timestamp) over by_user, previous_events.event_timestamp
        ) as previous_event_timestamp,
        coalesce(previous_events.session_number, 0) as sessions_before,
        previous_events.session_number as continued_session_number,
        coalesce(previous_events.event_sequence, 0) as continued_event_sequence

    from events
    left join previous_events
        on events.user_pseudo_id = previous_events.user_pseudo_id
    window by_user as (partition by events.user_pseudo_id order by events.event_timestamp, events.event_id)

),

flagged as (

    select
        *,
        case
            when previous_event_timestamp is null then 1
            -- in microseconds: whole-second differences would keep a 30:00.4 gap in the session
            when
                {{ dbt.datediff('previous_event_timestamp', 'event_timestamp', 'microsecond') }}
                > {{ var('session_timeout_minutes') }} * 60 * 1000000
                then 1
            else 0
        end as is_session_start

    from gaps

),

numbered as (

    select
        *,
        sessions_before + sum(is_session_start) over (
            partition by user_pseudo_id
            order by event_timestamp, event_id
            rows between unbounded preceding and current row
        ) as session_number

    from flagged

),

final as (

    select
        -- ids
        event_id,
        user_pseudo_id || '-' || cast(session_number as {{ dbt.type_string() }}) as session_key,
        user_pseudo_id,
        session_number,
        ga_session_id,
        item_id,
        transaction_id,

        -- strings
        event_name,
        source,
        medium,
        campaign,
        experiment_variant,
        device_category,

        -- numerics
        item_price,
        item_quantity,
        purchase_revenue,

        -- booleans
        is_session_start = 1 as is_session_start,

        -- timestamps
        event_date,
        event_timestamp,
        -- a session continued from before the window goes on counting its events
        case
            when session_number = continued_session_number then continued_event_sequence else 0
        end
        + row_number() over (partition by user_pseudo_id, session_number order by event_timestamp, event_id)
            as event_sequence,

        -- lineage
        _file_seq

    from numbered

)

select * from final
