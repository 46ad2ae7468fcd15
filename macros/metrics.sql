{#-
    The one place rates are computed. Every rate in every mart is
    numerator / denominator with NULL (not 0, not an error) when the
    denominator is 0 or NULL: "no visitors" has no conversion rate.
-#}
{% macro safe_divide(numerator, denominator) -%}
    (cast({{ numerator }} as {{ storeops.type_double() }}) / nullif({{ denominator }}, 0))
{%- endmacro %}
