{#-
    The funnel, written once for its two grains (DECISIONLOG, issue 13). Every macro here takes the
    grain's key columns after `platform`:
      ['store_id', 'channel']  channel grain: int_funnel_daily_counts, fct_funnel_daily, fct_funnel_periods
      ['store_id']             store grain (all channels together): int_funnel_store_daily_counts,
                               fct_funnel_store_daily, fct_funnel_store_periods
    The grains differ only where the exports do: Tmall's channel rows come from Sycm traffic sources,
    its store rows from the Sycm shop overview; a store row's distinct counts are the platform's own
    daily totals or distinct recounts over the day, never a sum over its channel rows.
-#}

{#- The funnel's counts in column order: (name, type). Additive: exposures, clicks, page_views,
    paid_orders, inquiries, gmv, net_gmv; the rest are distinct counts of the row's day or period. -#}
{% macro funnel_counts() -%}
    {%- set bigint = dbt.type_bigint() -%}
    {%- set money = storeops.type_money() -%}
    {{ return([
        ('exposures', bigint), ('clicks', bigint), ('visitors', bigint), ('page_views', bigint),
        ('product_viewers', bigint), ('cart_adders', bigint), ('ordering_buyers', bigint),
        ('paying_buyers', bigint), ('paid_orders', bigint), ('inquiries', bigint),
        ('gmv', money), ('net_gmv', money),
    ]) }}
{%- endmacro %}

{#- The count columns of one platform's rows: `reported` maps each step the platform reports to its
    expression; every other step is NULL ("not reported", never 0). -#}
{% macro funnel_steps(reported) -%}
    {%- for name, type in storeops.funnel_counts() %}
        {{ reported.get(name, 'cast(null as ' ~ type ~ ')') }} as {{ name }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The grain's key columns, one a line, each followed by a comma (qualified by `relation` if given). -#}
{% macro funnel_keys(keys, relation=none) -%}
    {%- for key in keys %}
        {{ relation ~ '.' if relation }}{{ key }},
    {%- endfor %}
{%- endmacro %}

{#- `and left.key = right.key`, one a line, for each of the grain's keys (the end of a join condition). -#}
{% macro funnel_keys_equal(keys, left, right) -%}
    {%- for key in keys %}
            and {{ left }}.{{ key }} = {{ right }}.{{ key }}
    {%- endfor -%}
{%- endmacro %}

{#- The count columns, in order, as plain names or (cast=true) cast to their types. -#}
{% macro funnel_count_columns(cast=false) -%}
    {%- for name, type in storeops.funnel_counts() %}
        {% if cast %}cast({{ name }} as {{ type }}) as {% endif %}{{ name }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- int_funnel_period_recounts: the keys of a recount row of one period grain (`week`, `month`) and
    level (`channel`: one row per channel; `store`: all channels together, channel NULL), from rows
    dated `activity_date`; and what such a row groups by. -#}
{% macro recount_keys(grain, level) -%}
    '{{ grain }}' as period_grain,
            cast({{ dbt.date_trunc(grain, 'activity_date') }} as date) as period_start,
            platform,
            store_id,
            '{{ level }}' as recount_level,
            {{ 'channel' if level == 'channel' else 'cast(null as ' ~ dbt.type_string() ~ ') as channel' }}
{%- endmacro %}

{% macro recount_group_by(grain, level) -%}
    cast({{ dbt.date_trunc(grain, 'activity_date') }} as date), platform, store_id
    {{- ', channel' if level == 'channel' }}
{%- endmacro %}
