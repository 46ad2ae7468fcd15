-- Own-shop events with the session each belongs to, by the 30-minute inactivity rule:
-- a user's event more than `session_timeout_minutes` after their previous event starts a new session.
{{ config(materialized='table') }}

with

events as (

    select * from {{ ref('stg_site__events') }}

),

gaps as (

    select
        *,
        lag(event_timestamp) over by_user as previous_event_timestamp

    from events
    window by_user as (partition by user_pseudo_id order by event_timestamp, event_id)

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
        sum(is_session_start) over (
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
        row_number() over (
            partition by user_pseudo_id, session_number order by event_timestamp, event_id
        ) as event_sequence

    from numbered

)

select * from final
