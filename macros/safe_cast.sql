{#-
    dbt-duckdb renders dbt.safe_cast as a plain `cast`, which raises on bad text.
    storeops needs the safe behaviour: NULL for a value that does not parse.
-#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
