-- The own shop's closed session funnel by channel and week: sessions, and the share reaching each step
-- (each step after the previous one in the same session), with new visitors apart.
-- Run: dbt compile -s funnel_own_shop_closed_funnel_by_channel, then the SQL in target/compiled/.
with

sessions as (

    select * from {{ ref('fct_session_funnel') }}

),

weekly as (

    select
        cast({{ dbt.date_trunc('week', 'session_date') }} as date) as week_start,
        channel,
        is_new_visitor,
        count(*) as sessions,
        count(case when reached_view_item then 1 end) as view_item_sessions,
        count(case when reached_add_to_cart then 1 end) as add_to_cart_sessions,
        count(case when reached_checkout then 1 end) as checkout_sessions,
        count(case when reached_purchase then 1 end) as purchase_sessions,
        sum(revenue) as revenue

    from sessions
    group by cast({{ dbt.date_trunc('week', 'session_date') }} as date), channel, is_new_visitor

)

select
    *,
    {{ safe_divide('view_item_sessions', 'sessions') }} as view_item_rate,
    {{ safe_divide('add_to_cart_sessions', 'view_item_sessions') }} as view_to_cart_rate,
    {{ safe_divide('checkout_sessions', 'add_to_cart_sessions') }} as cart_to_checkout_rate,
    {{ safe_divide('purchase_sessions', 'checkout_sessions') }} as checkout_to_purchase_rate,
    {{ safe_divide('purchase_sessions', 'sessions') }} as session_conversion_rate

from weekly
order by week_start, channel, is_new_visitor
