-- One row per own-shop purchase: a transaction (transaction_id), or a purchase event without one (its own
-- purchase), at its first purchase event (time, then event_id). A re-sent purchase event of the same
-- transaction, in the same session or a later one, is not a purchase again. The one place the first
-- purchase event is chosen: the session funnel, the order channel, the funnel's order sessions and the
-- conversions of channel ROI all read it.
{{ config(materialized='table') }}

with

events as (

    select * from {{ ref('int_site_events_sessionized') }}
    where event_name = 'purchase'

),

ranked as (

    select
        *,
        row_number() over (
            partition by coalesce(transaction_id, event_id)
            order by event_timestamp, event_id
        ) as event_rank

    from events

),

final as (

    select
        -- ids
        coalesce(transaction_id, event_id) as purchase_key,
        transaction_id,
        event_id,
        session_key,
        user_pseudo_id,

        -- numerics
        event_sequence,
        purchase_revenue,

        -- timestamps
        event_timestamp,
        event_date

    from ranked
    where event_rank = 1

)

select * from final
