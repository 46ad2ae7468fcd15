-- One row per own-shop session (30-minute inactivity rule), with the session's traffic source
-- (the source of its first event), its channel from the channel map, and whether the visitor was new.
with

events as (

    select * from {{ ref('int_site_events_sessionized') }}

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
        arg_min(device_category, event_sequence) as device_category

    from events
    group by session_key, user_pseudo_id, session_number

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
            {{ dbt.dateadd('hour', 8, 'sessions.session_started_at') }} as date
        ) as session_date

    from sessions
    left join channel_map
        on sessions.source_label = channel_map.source_label

)

select * from final
