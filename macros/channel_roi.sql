{#-
    attribution_model_rows: the warehouse attribution models of var `attribution_models` as rows of one
    column, `attribution_model` (DECISIONLOG R4). Channel ROI carries one row per model: the own-shop days
    (int_channel_roi_site_daily) and the mart (the platform days, the same copy for every model) both cross
    join these rows.
-#}
{% macro attribution_model_rows() -%}
    {%- for attribution_model in var('attribution_models') %}
        select '{{ attribution_model }}' as attribution_model
        {% if not loop.last -%} union all {%- endif %}
    {%- endfor %}
{%- endmacro %}
