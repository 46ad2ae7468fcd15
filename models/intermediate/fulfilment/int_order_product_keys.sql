-- The products of each order, by every key an operator may name one with in a seed: one row per platform,
-- order_id and product_key. Tmall order lines give the product id (商品ID, newer layout) and the merchant code
-- (商家编码); generic lines the product id and the SKU; generic orders their one product_id. The own shop's
-- order export has no lines.
{%- set sources = [
    ('tmall', 'stg_tmall__order_items', ['product_id', 'merchant_code']),
    ('generic', 'stg_generic__order_items', ['product_id', 'sku_id']),
    ('generic', 'stg_generic__orders', ['product_id']),
] %}

with

keys as (

    {% for platform, model, columns in sources -%}
        select
            '{{ platform }}' as platform,
            order_id,
            unnest([{{ columns | join(', ') }}]) as product_key
        from {{ ref(model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select distinct
        platform,
        order_id,
        product_key

    from keys
    where product_key is not null

)

select * from final
