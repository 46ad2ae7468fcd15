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

{%- set keys = ['period_grain', 'period_start', 'platform', 'store_id', 'recount_level', 'channel'] %}
{%- set parts = [('week', 'channel'), ('week', 'store'), ('month', 'channel'), ('month', 'store')] %}

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
    group by site_events.event_date, stores.default_store_id, site_sessions.channel, site_events.user_pseudo_id

),

-- an order counts at its order day as ordering and at its payment day as paying
order_activity as (

    {% for step, day in [('ordering', 'order_date'), ('paying', 'payment_date')] -%}
        select
            {{ day }} as activity_date,
            platform,
            store_id,
            channel,
            buyer_key,
            '{{ step }}' as step

        from orders
        {% if step == 'paying' %}where is_paid{% endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

traffic as (

    {% for grain, level in parts -%}
        select
            {{ recount_keys(grain, level) }},
            count(distinct user_pseudo_id) as visitors,
            count(distinct case when viewed_item then user_pseudo_id end) as product_viewers,
            count(distinct case when added_to_cart then user_pseudo_id end) as cart_adders

        from site_activity
        group by {{ recount_group_by(grain, level) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- a buyer count is NULL when some of the period's orders have no buyer (a Tmall export without 买家会员名):
-- a distinct count over some buyers would be wrong
buyers as (

    {% for grain, level in parts -%}
        select
            {%- for step in ['ordering', 'paying'] %}
                case
                    when
                        count(case when step = '{{ step }}' then 1 end)
                        = count(case when step = '{{ step }}' then buyer_key end)
                        then count(distinct case when step = '{{ step }}' then buyer_key end)
                end as {{ step }}_buyers,
            {%- endfor %}
            {{ recount_keys(grain, level) }}

        from order_activity
        {% if level == 'channel' -%}
            where platform in ('site', 'generic')
        {%- endif %}
        group by {{ recount_group_by(grain, level) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        -- keys
        {%- for key in keys %}
            coalesce(traffic.{{ key }}, buyers.{{ key }}) as {{ key }},
        {%- endfor %}

        -- numerics: distinct counts over the period
        cast(traffic.visitors as {{ dbt.type_bigint() }}) as visitors,
        cast(traffic.product_viewers as {{ dbt.type_bigint() }}) as product_viewers,
        cast(traffic.cart_adders as {{ dbt.type_bigint() }}) as cart_adders,
        cast(buyers.ordering_buyers as {{ dbt.type_bigint() }}) as ordering_buyers,
        cast(buyers.paying_buyers as {{ dbt.type_bigint() }}) as paying_buyers

    from traffic
    full outer join buyers
        on
            coalesce(traffic.channel, '') = coalesce(buyers.channel, '')
            {%- for key in keys if key != 'channel' %}
                and traffic.{{ key }} = buyers.{{ key }}
            {%- endfor %}

)

select * from final
