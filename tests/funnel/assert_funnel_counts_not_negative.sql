-- Every count and amount of the funnel marts is >= 0 where reported (NULL = not reported passes), and
-- every average order value too. One test instead of one per column. Returns the mart,
-- column and how many rows break it.
{%- set checks = {
    'fct_funnel_daily': [
        'exposures', 'clicks', 'visitors', 'page_views', 'product_viewers', 'cart_adders', 'ordering_buyers',
        'paying_buyers', 'paid_orders', 'inquiries', 'gmv', 'net_gmv', 'average_order_value',
    ],
    'fct_funnel_store_daily': [
        'exposures', 'clicks', 'visitors', 'page_views', 'product_viewers', 'cart_adders', 'ordering_buyers',
        'paying_buyers', 'paid_orders', 'inquiries', 'gmv', 'net_gmv', 'average_order_value',
    ],
    'fct_product_funnel_daily': [
        'exposures', 'clicks', 'visitors', 'page_views', 'cart_adders', 'ordering_buyers', 'paying_buyers',
        'paid_quantity', 'inquiries', 'gmv', 'average_order_value', 'image_count',
    ],
    'fct_session_funnel': [
        'events', 'duration_seconds', 'page_views', 'item_views', 'add_to_carts', 'checkouts', 'purchases',
        'revenue',
    ],
} %}

with

checked as (

    {% for mart, columns in checks.items() -%}
        {%- set outer = loop -%}
        {%- for column in columns %}
            select
                '{{ mart }}' as mart,
                '{{ column }}' as column_name,
                count(*) as negative_rows
            from {{ ref(mart) }}
            where {{ column }} < 0
            {% if not (outer.last and loop.last) %}union all{% endif %}
        {%- endfor %}
    {%- endfor %}

)

select * from checked
where negative_rows > 0
