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

    -- the session's columns are int_funnel_site_sessions' (one list, there); the contract in
    -- _funnel__models.yml orders them
    select
        sessions.*,
        stores.default_store_id as store_id

    from sessions
    cross join stores

)

select * from final  -- noqa: AM04
