{#-
    `between` for several columns of a model in one query (one dbt node instead of one per column;
    DECISIONLOG V2): every non-NULL value of each listed column lies within [min_value, max_value]
    (either bound may be omitted; inclusive bounds). NULL means "not reported" and passes. Returns one
    row per offending value: the column's name and the value.
-#}
{% test columns_between(model, column_names, min_value=none, max_value=none) %}

{%- if min_value is none and max_value is none -%}
    {{ exceptions.raise_compiler_error("test columns_between on " ~ column_names | join(", ") ~ ": give min_value, max_value or both") }}
{%- endif %}

{% for column_name in column_names -%}
select
    '{{ column_name }}' as column_name,
    cast({{ column_name }} as double) as out_of_range_value
from {{ model }}
where
    {{ column_name }} is not null
    and (
        {%- if min_value is not none %}
            {{ column_name }} < {{ min_value }}
        {%- endif %}
        {%- if min_value is not none and max_value is not none %} or {% endif %}
        {%- if max_value is not none %}
            {{ column_name }} > {{ max_value }}
        {%- endif %}
    )
{% if not loop.last %}union all
{% endif -%}
{%- endfor %}

{% endtest %}
