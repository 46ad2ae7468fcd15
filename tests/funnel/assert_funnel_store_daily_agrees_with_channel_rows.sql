-- The two daily marts agree (own shop and generic, built from the same events and orders): per day,
-- additive steps of the store row equal the sum of its channel rows, and each distinct count of the store
-- row lies between the largest channel's and the sum over channels (a visitor of two channels counts once
-- in the store). Returns each breach.
{%- set additive = ['page_views', 'paid_orders', 'gmv', 'net_gmv'] %}
{%- set distinct = ['visitors', 'product_viewers', 'cart_adders', 'ordering_buyers', 'paying_buyers'] %}

with

channels as (

    select
        stat_date,
        platform,
        store_id,
        {% for measure in additive -%}
            sum({{ measure }}) as sum_{{ measure }},
        {% endfor -%}
        {% for measure in distinct -%}
            max({{ measure }}) as max_{{ measure }},
            sum({{ measure }}) as sum_{{ measure }},
        {% endfor -%}
        count(*) as channel_rows
    from {{ ref('fct_funnel_daily') }}
    where platform in ('site', 'generic')
    group by stat_date, platform, store_id

),

stores as (

    select * from {{ ref('fct_funnel_store_daily') }}
    where platform in ('site', 'generic')

)

select
    stores.stat_date,
    stores.platform,
    stores.store_id

from stores
full outer join channels
    on
        stores.stat_date = channels.stat_date
        and stores.platform = channels.platform
        and stores.store_id = channels.store_id
where
    stores.stat_date is null
    or channels.stat_date is null
    {% for measure in additive -%}
        or coalesce(stores.{{ measure }}, -1) <> coalesce(channels.sum_{{ measure }}, -1)
    {% endfor -%}
    {% for measure in distinct -%}
        or stores.{{ measure }} < channels.max_{{ measure }}
        or stores.{{ measure }} > channels.sum_{{ measure }}
    {% endfor %}
