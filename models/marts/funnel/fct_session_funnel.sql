-- One row per own-shop session (30-minute inactivity rule): its traffic source and channel, the
-- open-funnel flags (the step happened in the session), the closed-funnel flags (each step after the
-- previous one, earlier in the same session), purchases and revenue (deduplicated on transaction_id),
-- and whether the visitor was new.
with

sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}
    where platform = 'site'

),

final as (

    select
        -- ids
        sessions.session_key,
        stores.default_store_id as store_id,
        sessions.user_pseudo_id,
        sessions.session_number,

        -- strings
        sessions.source,
        sessions.medium,
        sessions.campaign,
        sessions.source_label,
        sessions.channel,
        sessions.device_category,

        -- numerics
        sessions.events,
        sessions.duration_seconds,
        sessions.page_views,
        sessions.item_views,
        sessions.add_to_carts,
        sessions.checkouts,
        sessions.purchases,
        sessions.revenue,

        -- booleans: open funnel
        sessions.has_page_view,
        sessions.has_view_item,
        sessions.has_add_to_cart,
        sessions.has_checkout,
        sessions.has_purchase,

        -- booleans: closed funnel
        sessions.reached_view_item,
        sessions.reached_add_to_cart,
        sessions.reached_checkout,
        sessions.reached_purchase,

        sessions.is_new_visitor,

        -- timestamps
        sessions.session_date,
        sessions.session_started_at,
        sessions.session_ended_at

    from sessions
    cross join stores

)

select * from final
