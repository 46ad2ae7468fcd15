-- The store id each platform's funnel rows carry when its export names no store: Sycm, the own-shop
-- exports and the B2B platforms' product performance (Alibaba.com, Made-in-China.com) are exported per shop
-- and carry no store column.
-- Default: the platform name; override per platform with the var `funnel_store_ids`, e.g.
-- `--vars '{funnel_store_ids: {tmall: "68815201"}}'`. The generic export's own store_id wins when present.
{%- set store_ids = var('funnel_store_ids', {}) %}
{%- set platforms = ['tmall', 'site', 'alibaba_com', 'made_in_china', 'generic'] %}

with

final as (

    {% for platform in platforms -%}
        select
            '{{ platform }}' as platform,
            '{{ store_ids.get(platform, platform) }}' as default_store_id
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
