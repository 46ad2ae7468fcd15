{#-
    Safety stock for variable demand and variable lead time (DECISIONLOG L5):
    z · √(L · σ_d² + d̄² · σ_L²), with d̄ and σ_d the mean and standard deviation of daily demand, L and σ_L those
    of the lead time in days. The reorder point is d̄ · L + safety stock.
-#}
{% macro safety_stock(z, demand, demand_stddev, lead_time, lead_time_stddev) -%}
    ({{ z }} * sqrt({{ lead_time }} * power({{ demand_stddev }}, 2) + power({{ demand }}, 2) * power({{ lead_time_stddev }}, 2)))
{%- endmacro %}

{% macro reorder_point(z, demand, demand_stddev, lead_time, lead_time_stddev) -%}
    ({{ demand }} * {{ lead_time }} + {{ storeops.safety_stock(z, demand, demand_stddev, lead_time, lead_time_stddev) }})
{%- endmacro %}
