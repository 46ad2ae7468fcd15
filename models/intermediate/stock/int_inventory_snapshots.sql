-- One row per platform, SKU, warehouse and snapshot day: the inventory snapshots of every platform in one
-- vocabulary (stg_tmall__inventory, stg_generic__inventory). A file without a warehouse column is one warehouse,
-- `(default)`; without on hand, on hand is sellable + locked (DECISIONLOG L2).
{%- set exports = [('tmall', 'merchant_code'), ('generic', 'sku_id')] %}
with

unioned as (

    {% for platform, sku in exports %}
        select
            '{{ platform }}' as platform,
            {{ sku }} as sku_id,
            coalesce(warehouse, '(default)') as warehouse,  -- noqa: RF04
            snapshot_date,
            coalesce(on_hand, sellable + coalesce(locked, 0)) as on_hand,
            sellable,
            locked,
            in_transit
        from {{ ref('stg_' ~ platform ~ '__inventory') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from unioned
