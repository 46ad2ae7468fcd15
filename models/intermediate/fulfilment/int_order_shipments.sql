-- Ship time and carrier of every order of the order exports that can carry them (Tmall 发货时间 and 物流公司, the
-- own shop's and the generic export's shipped_at and carrier): one row per platform + order_id.
-- has_ship_time_column: the order's file carries the ship-time column. It is optional in every contract, and a
-- file without it says nothing about shipping (its orders are not counted as unshipped, DECISIONLOG U2).
{%- set platforms = ['tmall', 'site', 'generic'] %}
{%- set ship_headers = {} %}
{%- for platform in platforms %}
    {%- set column = storeops.export_contract(platform, 'orders').columns
        | selectattr('name', 'equalto', 'shipped_at') | first %}
    {%- do ship_headers.update({platform: column.header}) %}
{%- endfor %}

with

files as (

    select * from {{ ref('landed_files') }}

),

unioned as (

    {% for platform in platforms -%}
        select
            '{{ platform }}' as platform,
            order_id,
            shipped_at,
            carrier,
            _file_path,
            '{{ ship_headers[platform] }}' as ship_time_header
        from {{ ref('stg_' ~ platform ~ '__orders') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        unioned.platform,
        unioned.order_id,
        unioned.shipped_at,
        unioned.carrier,
        {{ storeops.file_has_column('files.missing_optional', 'unioned.ship_time_header') }} as has_ship_time_column

    from unioned
    left join files
        on unioned._file_path = files.file_path

)

select * from final
