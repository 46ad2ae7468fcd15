{#-
    Shop time: each platform's day boundary, from its contract's `timezone`
    (src/storeops/contracts/*.yml) as a fixed offset (shop_utc_offset_hours() in
    the generated macros/export_contracts.sql; a zone with daylight saving has no
    fixed offset, and converting its times is a compile error). Event exports in
    UTC (the own shop's GA4 events) meet order exports in shop time here and
    nowhere else.
-#}

{#- Hours to add to UTC to get the platform's shop time. -#}
{% macro shop_utc_offset(platform) -%}
    {%- set offsets = storeops.shop_utc_offset_hours() -%}
    {%- if platform not in offsets -%}
        {{ exceptions.raise_compiler_error(
            "shop_utc_offset: platform '" ~ platform ~ "' has no fixed UTC offset: its contract's timezone "
            ~ "is unknown, `local` or keeps daylight saving"
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
