-- Closed funnel (built in the warehouse, so an error): a session reaches a step only if it reached the
-- previous one, and a closed step is always an open one too. Returns the offending sessions.
with

sessions as (

    select * from {{ ref('fct_session_funnel') }}

)

select
    session_key,
    reached_view_item,
    reached_add_to_cart,
    reached_checkout,
    reached_purchase,
    has_view_item,
    has_add_to_cart,
    has_checkout,
    has_purchase

from sessions
where
    (reached_add_to_cart and not reached_view_item)
    or (reached_checkout and not reached_add_to_cart)
    or (reached_purchase and not reached_checkout)
    or (reached_view_item and not has_view_item)
    or (reached_add_to_cart and not has_add_to_cart)
    or (reached_checkout and not has_checkout)
    or (reached_purchase and not has_purchase)
    or (has_purchase and purchases = 0)
