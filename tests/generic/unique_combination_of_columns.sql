{#-
    The combination of columns is unique: no two rows share the same values
    (NULLs compare equal, as in GROUP BY). Returns each duplicated combination
    with how often it occurs.
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

grouped as (

    select
        {% for column in combination_of_columns -%}
            {{ column }},
        {% endfor -%}
        count(*) as occurrences

    from {{ model }}
    group by
        {% for column in combination_of_columns -%}
            {{ column }}{{ "," if not loop.last }}
        {% endfor %}

)

select * from grouped
where occurrences > 1

{% endtest %}
