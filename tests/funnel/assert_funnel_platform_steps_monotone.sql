-- Platform funnels (reported by the platforms, or open funnels over events): each step at most the one
-- before it, where both are reported. A warning, not an error: platforms count steps their own ways (a
-- Tmall buyer who orders with 立即购买 never adds to cart; an own-shop order the tracking missed; on a festival's
-- burst day, buyers paying the balance of a pre-sale order placed in the warm-up pay without ordering that day).
-- Alibaba.com visitors are NOT compared with clicks: visitors arrive by other paths too.
-- Returns each broken pair with the model and row.
{{ config(severity='warn') }}

{%- set pairs = [
    ('clicks', 'exposures'),
    ('product_viewers', 'visitors'),
    ('cart_adders', 'visitors'),
    ('ordering_buyers', 'cart_adders'),
    ('paying_buyers', 'ordering_buyers'),
    ('paying_buyers', 'paid_orders'),
    ('inquiries', 'visitors'),
] %}

with

steps as (

    select
        'fct_funnel_daily' as mart,
        stat_date,
        platform,
        store_id,
        channel as row_detail,
        exposures,
        clicks,
        visitors,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries
    from {{ ref('fct_funnel_daily') }}
    union all
    select
        'fct_funnel_store_daily' as mart,
        stat_date,
        platform,
        store_id,
        '(store)' as row_detail,
        exposures,
        clicks,
        visitors,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries
    from {{ ref('fct_funnel_store_daily') }}
    union all
    select
        'fct_product_funnel_daily' as mart,
        stat_date,
        platform,
        store_id,
        product_id as row_detail,
        exposures,
        clicks,
        visitors,
        null as product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        null as paid_orders,
        inquiries
    from {{ ref('fct_product_funnel_daily') }}

),

breaches as (

    {% for step, previous in pairs -%}
        select
            mart,
            stat_date,
            platform,
            store_id,
            row_detail,
            '{{ step }} > {{ previous }}' as broken_step,
            {{ step }} as step_count,
            {{ previous }} as previous_step_count
        from steps
        where {{ step }} > {{ previous }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from breaches
