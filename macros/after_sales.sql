{#-
    The after-sales reason vocabulary (seed after_sales_reason_map, DECISIONLOG A2), in the order the mart
    lists it.
-#}
{% macro after_sales_reason_categories() -%}
    {{ return(['logistics_speed', 'damaged', 'not_as_described', 'size', 'quality', 'other']) }}
{%- endmacro %}

{#-
    Joins the seed after_sales_reason_map twice for one `source` (`ticket` or `refund`): `reason_exact` on the
    category and sub category, `reason_any` on the category with an empty sub category (any sub category).
    Matching trims and ignores case. after_sales_reason_columns gives the mapped columns.
-#}
{% macro after_sales_reason_joins(source, category, sub_category='null') -%}
    left join {{ ref('after_sales_reason_map') }} as reason_exact
        on
            reason_exact.source = '{{ source }}'
            and lower(trim(reason_exact.category)) = lower(trim({{ category }}))
            and lower(trim(reason_exact.sub_category)) = lower(trim({{ sub_category }}))
    left join {{ ref('after_sales_reason_map') }} as reason_any
        on
            reason_any.source = '{{ source }}'
            and lower(trim(reason_any.category)) = lower(trim({{ category }}))
            and reason_any.sub_category is null
{%- endmacro %}

{#-
    `reason_category`: the sub category's row, else the category's, else `other` (also for no reason at all);
    `is_reason_mapped`: false only for a reason that is given and has no row in the seed.
-#}
{% macro after_sales_reason_columns(category) -%}
    coalesce(reason_exact.reason_category, reason_any.reason_category, 'other') as reason_category,
    (
        {{ category }} is null
        or coalesce(reason_exact.reason_category, reason_any.reason_category) is not null
    ) as is_reason_mapped
{%- endmacro %}

{#- The vocabulary as rows of one column, `reason_category` (the body of a CTE). -#}
{% macro after_sales_reason_category_rows() -%}
    {% for category in storeops.after_sales_reason_categories() -%}
        select '{{ category }}' as reason_category{{ "\n    union all\n    " if not loop.last }}
    {%- endfor %}
{%- endmacro %}
