{#-
    The one place rates are computed. Every rate in every mart is
    numerator / denominator with NULL (not 0, not an error) when the
    denominator is 0 or NULL: "no visitors" has no conversion rate.
-#}
{% macro safe_divide(numerator, denominator) -%}
    (cast({{ numerator }} as {{ storeops.type_double() }}) / nullif({{ denominator }}, 0))
{%- endmacro %}

{#-
    The funnel's rates, defined once for every funnel mart: (name, numerator, denominator).
    With over_days=true, for period rows where only daily values exist: the distinct counts are
    replaced by their sums of daily values (`visitors` -> `visitor_days`, ...), and each rate is
    named `<rate>_over_days` so nobody takes it for a rate over period visitors (ctr has no such
    variant: clicks and exposures are additive).
-#}
{% macro funnel_rates(over_days=false) -%}
    {%- set rates = [
        ('ctr', 'clicks', 'exposures'),
        ('product_view_rate', 'product_viewers', 'visitors'),
        ('cart_rate', 'cart_adders', 'visitors'),
        ('order_conversion_rate', 'ordering_buyers', 'visitors'),
        ('payment_conversion_rate', 'paying_buyers', 'visitors'),
        ('inquiry_rate', 'inquiries', 'visitors'),
        ('average_order_value', 'gmv', 'paying_buyers'),
    ] -%}
    {%- set day_sums = {
        'visitors': 'visitor_days',
        'product_viewers': 'product_viewer_days',
        'cart_adders': 'cart_adder_days',
        'ordering_buyers': 'ordering_buyer_days',
        'paying_buyers': 'paying_buyer_days',
    } -%}
    {%- for name, numerator, denominator in rates if not (over_days and name == 'ctr') -%}
        {%- if over_days %}
        {{ storeops.safe_divide(day_sums.get(numerator, numerator), day_sums.get(denominator, denominator)) }}
        as {{ name }}_over_days
        {%- else %}
        {{ storeops.safe_divide(numerator, denominator) }} as {{ name }}
        {%- endif -%}
        {{- "," if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
