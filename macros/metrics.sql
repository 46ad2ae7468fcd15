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
    With over_days=true, for rows where only sums of daily values exist (periods, weekdays): the
    distinct counts are replaced by their sums of daily values (`visitors` -> `visitor_days`, ...), and
    each rate is named `<rate>_over_days` so nobody takes it for a rate over distinct visitors (ctr has
    no such variant: clicks and exposures are additive, their sums are the row's own counts).
    `only`: the names of the rates to give (default all, in this order), for marts whose counts lack a
    step; `relation`: the relation that qualifies the counts, for a select over a join.
    `ctr` here is the listing click-through rate, clicks / exposures (曝光: the product appeared on a list
    page, organic or paid). The paid-ad rate clicks / impressions (直通车/万相台 展现量, P4P 曝光: times an
    ad was shown) is another population and another name: `ad_ctr` in fct_channel_roi_daily.
-#}
{% macro funnel_rates(over_days=false, only=none, relation=none) -%}
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
    {%- set prefix = relation ~ '.' if relation else '' -%}
    {%- set kept = [] -%}
    {%- for rate in rates if (only is none or rate[0] in only) and not (over_days and rate[0] == 'ctr') -%}
        {%- do kept.append(rate) -%}
    {%- endfor -%}
    {%- if only is not none and kept | length != only | length -%}
        {{ exceptions.raise_compiler_error("funnel_rates: unknown rate (or ctr over days) in " ~ only) }}
    {%- endif -%}
    {%- for name, numerator, denominator in kept -%}
        {%- if over_days %}
        {{ storeops.safe_divide(
            prefix ~ day_sums.get(numerator, numerator), prefix ~ day_sums.get(denominator, denominator)
        ) }} as {{ name }}_over_days
        {%- else %}
        {{ storeops.safe_divide(prefix ~ numerator, prefix ~ denominator) }} as {{ name }}
        {%- endif -%}
        {{- "," if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

