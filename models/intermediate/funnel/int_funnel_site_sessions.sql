-- One row per own-shop session (30-minute inactivity rule, int_site_sessions) with its funnel:
-- event counts per step, open-funnel flags (the step happened anywhere in the session) and
-- closed-funnel flags (the step happened after the previous closed step, earlier in the same session:
-- page order is event_sequence, i.e. time, ties by event_id). Purchases are deduplicated on
-- transaction_id across the whole export: a transaction counts once, in the session of its first
-- purchase event.
{{ config(materialized='table') }}

with

sessions as (

    select * from {{ ref('int_site_sessions') }}

),

events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

-- a transaction is counted once: at its first purchase event (time, then event_id; int_site_purchases)
counted_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

step_counts as (

    select
        session_key,
        count(case when event_name = 'page_view' then 1 end) as page_views,
        count(case when event_name = 'view_item' then 1 end) as item_views,
        count(case when event_name = 'add_to_cart' then 1 end) as add_to_carts,
        count(case when event_name = 'begin_checkout' then 1 end) as checkouts

    from events
    group by session_key

),

purchase_counts as (

    select
        session_key,
        count(*) as purchases,
        sum(purchase_revenue) as revenue

    from counted_purchases
    group by session_key

),

-- closed funnel: the first occurrence of each step after the previous step was reached
{%- set closed_chain = [
    ('view_item', none, 'events', 'view_item'),
    ('add_to_cart', 'view_item', 'events', 'add_to_cart'),
    ('checkout', 'add_to_cart', 'events', 'begin_checkout'),
    ('purchase', 'checkout', 'counted_purchases', none),
] %}
{%- for step, previous, source, event_name in closed_chain %}

    closed_{{ step }} as (

        select
            {{ source }}.session_key,
            min({{ source }}.event_sequence) as reached_at_sequence

        from {{ source }}
        {% if previous -%}
            inner join closed_{{ previous }}
                on
                    {{ source }}.session_key = closed_{{ previous }}.session_key
                    and {{ source }}.event_sequence > closed_{{ previous }}.reached_at_sequence
        {%- endif %}
        {% if event_name -%}
            where {{ source }}.event_name = '{{ event_name }}'
        {%- endif %}
        group by {{ source }}.session_key

    ),
{%- endfor %}

final as (

    select
        -- ids
        sessions.session_key,
        sessions.user_pseudo_id,
        cast(sessions.session_number as {{ dbt.type_bigint() }}) as session_number,

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
        coalesce(step_counts.page_views, 0) as page_views,
        coalesce(step_counts.item_views, 0) as item_views,
        coalesce(step_counts.add_to_carts, 0) as add_to_carts,
        coalesce(step_counts.checkouts, 0) as checkouts,
        coalesce(purchase_counts.purchases, 0) as purchases,
        cast(coalesce(purchase_counts.revenue, 0) as {{ storeops.type_money() }}) as revenue,

        -- booleans: open funnel (the step happened in the session)
        coalesce(step_counts.page_views, 0) > 0 as has_page_view,
        coalesce(step_counts.item_views, 0) > 0 as has_view_item,
        coalesce(step_counts.add_to_carts, 0) > 0 as has_add_to_cart,
        coalesce(step_counts.checkouts, 0) > 0 as has_checkout,
        coalesce(purchase_counts.purchases, 0) > 0 as has_purchase,

        -- booleans: closed funnel (each step after the previous one, in this session)
        {%- for step in ['view_item', 'add_to_cart', 'checkout', 'purchase'] %}
            closed_{{ step }}.session_key is not null as reached_{{ step }},
        {%- endfor %}

        sessions.is_new_visitor,

        -- timestamps
        sessions.session_started_at,
        sessions.session_ended_at,
        sessions.session_date

    from sessions
    left join step_counts
        on sessions.session_key = step_counts.session_key
    left join purchase_counts
        on sessions.session_key = purchase_counts.session_key
    {%- for step in ['view_item', 'add_to_cart', 'checkout', 'purchase'] %}
        left join closed_{{ step }}
            on sessions.session_key = closed_{{ step }}.session_key
    {%- endfor %}

)

select * from final
