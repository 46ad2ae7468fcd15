{#-
    The funnel marts of one grain (macros/funnel.sql): keys ['store_id', 'channel'] or ['store_id'].
-#}

{#- One row per day and the grain's keys: the daily counts and the rates on the row's counts
    (fct_funnel_daily, fct_funnel_store_daily). -#}
{% macro funnel_daily_mart(keys) -%}
with

counts as (

    select * from {{ ref('int_funnel_daily_counts' if 'channel' in keys else 'int_funnel_store_daily_counts') }}

),

final as (

    select
        -- keys
        stat_date,
        platform,
        {{- storeops.funnel_keys(keys) }}

        -- numerics: counts
        {{- storeops.funnel_count_columns() }},

        -- numerics: rates (ratio of the row's counts)
        {{ storeops.funnel_rates() }}
        {%- if 'channel' in keys %},

        -- booleans
        visitors_is_distinct_count
        {%- endif %}

    from counts

)

select * from final
{%- endmacro %}


{#-
    One row per period (ISO week from Monday, or calendar month), platform and the grain's keys
    (fct_funnel_periods, fct_funnel_store_periods). Additive steps are summed over the days. Distinct
    counts (visitors, buyers...) are recounted over the whole period from event- and order-level data
    where it exists (int_funnel_period_recounts: own shop; buyers of the generic export; Tmall buyers
    from the order export, on store rows only: orders carry no traffic source) and are NULL where only
    daily aggregates exist (Sycm visitors, Alibaba.com); the `*_days` columns are always the sum of the
    daily values (a visitor on 4 days counts 4 times), named so nobody mistakes them for period
    visitors. Rates: on the period's own counts; `*_over_days` rates divide sums of daily values (a
    visitor-weighted mean of the daily rates), the only period rate a daily aggregate allows.
-#}
{% macro funnel_periods(keys) -%}
    {%- set grains = ['week', 'month'] -%}
    {%- set by_channel = 'channel' in keys -%}
    {%- set day_sums = [
        ('visitors', 'visitor_days'),
        ('product_viewers', 'product_viewer_days'),
        ('cart_adders', 'cart_adder_days'),
        ('ordering_buyers', 'ordering_buyer_days'),
        ('paying_buyers', 'paying_buyer_days'),
    ] -%}
    {%- set additive = ['exposures', 'clicks', 'page_views', 'paid_orders', 'inquiries', 'gmv', 'net_gmv'] %}

with

daily as (

    select * from {{ ref('int_funnel_daily_counts' if by_channel else 'int_funnel_store_daily_counts') }}

),

recounts as (

    select * from {{ ref('int_funnel_period_recounts') }}
    where recount_level = '{{ "channel" if by_channel else "store" }}'

),

daily_by_period as (

    {% for grain in grains -%}
        select
            '{{ grain }}' as period_grain,
            cast({{ dbt.date_trunc(grain, 'stat_date') }} as date) as period_start,
            platform,
            {{- storeops.funnel_keys(keys) }}
            count(*) as days_reported,
            {%- for name in additive %}
            sum({{ name }}) as {{ name }},
            {%- endfor %}
            {%- for name, day_sum in day_sums %}
            sum({{ name }}) as {{ day_sum }}{{ "," if not loop.last }}
            {%- endfor %}

        from daily
        group by cast({{ dbt.date_trunc(grain, 'stat_date') }} as date), platform, {{ keys | join(', ') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- which platform has which distinct recount: the own shop every step, the generic export its buyers,
-- Tmall its buyers from the order export (store rows only; NULL, not 0, when that export is missing or
-- lacks buyers)
combined as (

    select
        daily_by_period.*,
        case
            when daily_by_period.platform = 'site' then coalesce(recounts.visitors, 0)
        end as visitors,
        case
            when daily_by_period.platform = 'site' then coalesce(recounts.product_viewers, 0)
        end as product_viewers,
        case
            when daily_by_period.platform = 'site' then coalesce(recounts.cart_adders, 0)
        end as cart_adders,
        {%- for buyers in ['ordering_buyers', 'paying_buyers'] %}
        case
            when daily_by_period.platform in ('site', 'generic') then coalesce(recounts.{{ buyers }}, 0)
            when daily_by_period.platform = 'tmall' then recounts.{{ buyers }}
        end as {{ buyers }}{{ "," if not loop.last }}
        {%- endfor %}

    from daily_by_period
    left join recounts
        on
            daily_by_period.period_grain = recounts.period_grain
            and daily_by_period.period_start = recounts.period_start
            and daily_by_period.platform = recounts.platform
            {{- storeops.funnel_keys_equal(keys, 'daily_by_period', 'recounts') }}

),

final as (

    select
        -- keys
        period_grain,
        period_start,
        platform,
        {{- storeops.funnel_keys(keys) }}

        -- timestamps
        cast(
            case
                when period_grain = 'week' then {{ dbt.dateadd('day', 6, 'period_start') }}
                else {{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'period_start')) }}
            end as date
        ) as period_end,

        -- numerics: additive
        days_reported,
        {%- for name, type in storeops.funnel_counts() if name in additive %}
        cast({{ name }} as {{ type }}) as {{ name }},
        {%- endfor %}

        -- numerics: distinct recounts over the period
        {%- for name, day_sum in day_sums %}
        cast({{ name }} as {{ dbt.type_bigint() }}) as {{ name }},
        {%- endfor %}

        -- numerics: sums of daily distinct counts
        {%- for name, day_sum in day_sums %}
        cast({{ day_sum }} as {{ dbt.type_bigint() }}) as {{ day_sum }},
        {%- endfor %}

        -- numerics: rates on the period's own counts
        {{ storeops.funnel_rates() }},

        -- numerics: rates on sums of daily values
        {{ storeops.funnel_rates(over_days=true) }}

    from combined

)

select * from final
{%- endmacro %}
