-- Distinct counts recounted over whole weeks (Monday start) and months, from the event- and order-level
-- data that has them; never a sum of daily distinct counts. One row per grain, period, platform, store
-- and recount_level: `channel` rows (per channel) and `store` rows (all channels together, channel NULL).
--   site     visitors, product viewers, cart adders from events (channel of the session); ordering and
--            paying buyers from orders (channel of the order's session)
--   generic  ordering and paying buyers from orders (channel of the export)
--   tmall    ordering and paying buyers from the order export, store level only (orders carry no source);
--            NULL when some orders have no buyer (the export left 买家会员名 out)
-- Sycm visitors and Alibaba.com figures exist only as daily aggregates: they have no recount here.
{{ config(materialized='table') }}

{%- set grains = ['week', 'month'] %}
{%- set levels = ['channel', 'store'] %}
{%- set parts = [] %}
{%- for grain in grains %}
    {%- for level in levels %}{% do parts.append(grain ~ '_' ~ level) %}{% endfor %}
{%- endfor %}

with

site_events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

site_sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),

orders as (

    select * from {{ ref('int_funnel_orders') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

-- one row per visitor, day and channel (not per event): the distinct counts below read ~10 times fewer rows
site_activity as (

    select
        site_events.event_date as activity_date,
        'site' as platform,
        stores.default_store_id as store_id,
        site_sessions.channel,
        site_events.user_pseudo_id,
        bool_or(site_events.event_name = 'view_item') as viewed_item,
        bool_or(site_events.event_name = 'add_to_cart') as added_to_cart

    from site_events
    inner join site_sessions
        on site_events.session_key = site_sessions.session_key
    inner join stores
        on stores.platform = 'site'
    group by
        site_events.event_date,
        stores.default_store_id,
        site_sessions.channel,
        site_events.user_pseudo_id

),

-- an order counts at its order day as ordering and at its payment day as paying
order_activity as (

    select
        order_date as activity_date,
        platform,
        store_id,
        channel,
        buyer_key,
        'ordering' as step

    from orders
    union all
    select
        payment_date as activity_date,
        platform,
        store_id,
        channel,
        buyer_key,
        'paying' as step

    from orders
    where is_paid

),

{% for grain in grains %}
    {% for level in levels %}

        traffic_{{ grain }}_{{ level }} as (

            select
                '{{ grain }}' as period_grain,
                cast({{ dbt.date_trunc(grain, 'activity_date') }} as date) as period_start,
                platform,
                store_id,
                '{{ level }}' as recount_level,
                {% if level == 'channel' -%}
                    channel,
                {%- else -%}
                    cast(null as {{ dbt.type_string() }}) as channel,
                {%- endif %}
                count(distinct user_pseudo_id) as visitors,
                count(distinct case when viewed_item then user_pseudo_id end) as product_viewers,
                count(distinct case when added_to_cart then user_pseudo_id end) as cart_adders

            from site_activity
            group by
                cast({{ dbt.date_trunc(grain, 'activity_date') }} as date),
                platform,
                store_id
                {%- if level == 'channel' %}, channel{% endif %}

        ),

        buyers_{{ grain }}_{{ level }} as (

            select
                '{{ grain }}' as period_grain,
                cast({{ dbt.date_trunc(grain, 'activity_date') }} as date) as period_start,
                platform,
                store_id,
                '{{ level }}' as recount_level,
                {% if level == 'channel' -%}
                    channel,
                {%- else -%}
                    cast(null as {{ dbt.type_string() }}) as channel,
                {%- endif %}
                case
                    when
                        count(case when step = 'ordering' then 1 end)
                        = count(case when step = 'ordering' then buyer_key end)
                        then count(distinct case when step = 'ordering' then buyer_key end)
                end as ordering_buyers,
                case
                    when
                        count(case when step = 'paying' then 1 end)
                        = count(case when step = 'paying' then buyer_key end)
                        then count(distinct case when step = 'paying' then buyer_key end)
                end as paying_buyers

            from order_activity
            {% if level == 'channel' -%}
                where platform in ('site', 'generic')
            {%- endif %}
            group by
                cast({{ dbt.date_trunc(grain, 'activity_date') }} as date),
                platform,
                store_id
                {%- if level == 'channel' %}, channel{% endif %}

        ),

    {% endfor %}
{% endfor %}

traffic as (

    {% for part in parts -%}
        select * from traffic_{{ part }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

buyers as (

    {% for part in parts -%}
        select * from buyers_{{ part }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        -- keys
        coalesce(traffic.period_grain, buyers.period_grain) as period_grain,
        coalesce(traffic.period_start, buyers.period_start) as period_start,
        coalesce(traffic.platform, buyers.platform) as platform,
        coalesce(traffic.store_id, buyers.store_id) as store_id,
        coalesce(traffic.recount_level, buyers.recount_level) as recount_level,
        coalesce(traffic.channel, buyers.channel) as channel,

        -- numerics: distinct counts over the period
        cast(traffic.visitors as {{ dbt.type_bigint() }}) as visitors,
        cast(traffic.product_viewers as {{ dbt.type_bigint() }}) as product_viewers,
        cast(traffic.cart_adders as {{ dbt.type_bigint() }}) as cart_adders,
        cast(buyers.ordering_buyers as {{ dbt.type_bigint() }}) as ordering_buyers,
        cast(buyers.paying_buyers as {{ dbt.type_bigint() }}) as paying_buyers

    from traffic
    full outer join buyers
        on
            traffic.period_grain = buyers.period_grain
            and traffic.period_start = buyers.period_start
            and traffic.platform = buyers.platform
            and traffic.store_id = buyers.store_id
            and traffic.recount_level = buyers.recount_level
            and coalesce(traffic.channel, '') = coalesce(buyers.channel, '')

)

select * from final
