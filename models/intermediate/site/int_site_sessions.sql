-- One row per own-shop session (30-minute inactivity rule), with the session's traffic source
-- (the source of its first event), its channel from the channel map, and whether the visitor was new.
-- Incremental by session_date (macros/incremental.sql): a run recomputes every session that started on or
-- after the start day of the earliest session with an event in the window (sessions are whole: a session
-- that began before the window and went on into it is recomputed with all its events).
{{ config(
    materialized='incremental', incremental_strategy='delete+insert', unique_key='session_date', on_schema_change='fail'
) }}
{%- set window = storeops.incremental_window(ref('base_site__events'), '_window_date') %}

with

all_events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

{%- if window is not none %}

    -- the first day of a session touched by the window: every session from that day on is recomputed
    recomputed_from as (

        select
            cast({{ storeops.shop_time('min(all_events.event_timestamp)', 'site') }} as date) as session_date

        from all_events
        where all_events.session_key in (
            select touched.session_key
            from all_events as touched
            where {{ storeops.in_window(window, 'touched.event_date') }}
        )

    ),

{%- endif %}

events as (

    select * from all_events
    {%- if window is not none %}
        where
            event_timestamp
            >= {{ storeops.utc_time('(select recomputed_from.session_date from recomputed_from)', 'site') }}
    {%- endif %}

),

channel_map as (

    select * from {{ ref('channel_map') }}
    where platform = 'site'

),

sessions as (

    select
        coalesce(arg_min(source, event_sequence), '(direct)') || ' / '
        || coalesce(arg_min(medium, event_sequence), '(none)') as source_label,
        session_key,
        user_pseudo_id,
        session_number,
        min(event_timestamp) as session_started_at,
        max(event_timestamp) as session_ended_at,
        count(*) as events,
        arg_min(source, event_sequence) as source,
        arg_min(medium, event_sequence) as medium,
        arg_min(campaign, event_sequence) as campaign,
        arg_min(device_category, event_sequence) as device_category,
        max(_file_seq) as _file_seq

    from events
    group by session_key, user_pseudo_id, session_number
    -- whole sessions only: in an incremental run, a session that began before the recomputed days is
    -- kept as it was (always true in a full build)
    having bool_or(is_session_start)

),

final as (

    select
        -- ids
        sessions.session_key,
        sessions.user_pseudo_id,
        sessions.session_number,

        -- strings
        coalesce(sessions.source, '(direct)') as source,
        coalesce(sessions.medium, '(none)') as medium,
        sessions.campaign,
        sessions.source_label,
        coalesce(channel_map.channel, 'other') as channel,
        sessions.device_category,

        -- numerics
        sessions.events,
        {{ dbt.datediff('sessions.session_started_at', 'sessions.session_ended_at', 'second') }} as duration_seconds,  -- noqa: LT05

        -- booleans
        sessions.session_number = 1 as is_new_visitor,
        channel_map.channel is null as is_unmapped_source,

        -- timestamps
        sessions.session_started_at,
        sessions.session_ended_at,
        cast(
            {{ storeops.shop_time('sessions.session_started_at', 'site') }} as date
        ) as session_date,

        -- lineage: the latest landed file among the session's events
        sessions._file_seq

    from sessions
    left join channel_map
        on sessions.source_label = channel_map.source_label

)

select * from final
