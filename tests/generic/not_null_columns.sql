{#-
    No NULL in any of a model's columns, in one query (one dbt node instead of one
    not_null test per column; DECISIONLOG V2). Returns one row per column that
    holds NULLs: the column's name and how many rows are NULL in it. A primary-key
    column keeps dbt's own not_null beside its unique test.
-#}
{% test not_null_columns(model, column_names) %}

with null_counts as (
    select
        {%- for column_name in column_names %}
        count(case when {{ column_name }} is null then 1 end) as null_rows_{{ loop.index }}
        {{- "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
)

{% for column_name in column_names -%}
select
    '{{ column_name }}' as column_name,
    null_rows_{{ loop.index }} as null_rows
from null_counts
where null_rows_{{ loop.index }} > 0
{% if not loop.last %}union all
{% endif -%}
{%- endfor %}

{% endtest %}
