{#-
    Shop time: each platform's day boundary, from its contract's `timezone`
    (src/storeops/contracts/*.yml), written once as a fixed offset in the var
    `shop_utc_offset_hours` (a pytest checks the two agree, and that the zone has
    no daylight saving, which a fixed offset could not follow). Event exports in
    UTC (the own shop's GA4 events) meet order exports in shop time here and
    nowhere else.
-#}

{#- Hours to add to UTC to get the platform's shop time. -#}
{% macro shop_utc_offset(platform) -%}
    {%- set offsets = var('shop_utc_offset_hours') -%}
    {%- if platform not in offsets -%}
        {{ exceptions.raise_compiler_error(
            "shop_utc_offset: no offset for platform '" ~ platform ~ "' in var shop_utc_offset_hours"
        ) }}
    {%- endif -%}
    {{ return(offsets[platform] | int) }}
{%- endmacro %}

{#- A naive UTC timestamp as the platform's naive shop time. -#}
{% macro shop_time(utc_expression, platform) -%}
    {{ dbt.dateadd('hour', storeops.shop_utc_offset(platform), utc_expression) }}
{%- endmacro %}

{#- A naive shop time (or a shop day's midnight) of the platform as naive UTC. -#}
{% macro utc_time(shop_expression, platform) -%}
    {{ dbt.dateadd('hour', -1 * storeops.shop_utc_offset(platform), shop_expression) }}
{%- endmacro %}
