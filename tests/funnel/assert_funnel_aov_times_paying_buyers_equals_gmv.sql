-- average_order_value × paying buyers = GMV, within rounding (a cent), in every funnel mart that has
-- them; and net GMV lies between 0 and GMV (refunds never exceed what was paid). Returns each breach.
{%- set checks = [
    ('fct_funnel_daily', 'average_order_value', 'paying_buyers'),
    ('fct_funnel_store_daily', 'average_order_value', 'paying_buyers'),
    ('fct_funnel_periods', 'average_order_value', 'paying_buyers'),
    ('fct_funnel_periods', 'average_order_value_over_days', 'paying_buyer_days'),
    ('fct_funnel_store_periods', 'average_order_value', 'paying_buyers'),
    ('fct_funnel_store_periods', 'average_order_value_over_days', 'paying_buyer_days'),
    ('fct_funnel_weekday', 'average_order_value_over_days', 'avg_daily_paying_buyers * day_count'),
    ('fct_product_funnel_daily', 'average_order_value', 'paying_buyers'),
] %}

with

checked as (

    {% for mart, aov, buyers in checks -%}
        select
            '{{ mart }}' as mart,
            '{{ aov }}' as aov_column,
            {{ aov }} as average_order_value,
            {{ buyers }} as buyers,
            {% if mart == 'fct_funnel_weekday' -%}
                avg_daily_gmv * day_count as gmv,
                cast(null as {{ storeops.type_double() }}) as net_gmv
            {%- elif mart == 'fct_product_funnel_daily' -%}
                gmv,
                cast(null as {{ storeops.type_double() }}) as net_gmv
            {%- else -%}
                gmv,
                net_gmv
            {%- endif %}
        from {{ ref(mart) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from checked
where
    (average_order_value is not null and abs(average_order_value * buyers - gmv) > 0.01)
    or (average_order_value is null and buyers > 0 and gmv is not null)
    or net_gmv < 0
    or net_gmv > gmv
