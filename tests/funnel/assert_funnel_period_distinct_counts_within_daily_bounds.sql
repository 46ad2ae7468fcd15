-- Distinct recounts over a period lie between the largest daily count and the sum of the daily counts:
-- max(daily) <= period <= sum(daily). The daily figures come from the daily marts, independently of the
-- period marts' own *_days columns. Own shop and generic, whose period and daily counts come from the
-- same events and orders: an error. (Tmall: assert_funnel_period_tmall_buyers_within_daily_bounds, a
-- warning.) Returns each period and measure with the three numbers.
{%- set measures = ['visitors', 'product_viewers', 'cart_adders', 'ordering_buyers', 'paying_buyers'] %}
{%- set grains = ['week', 'month'] %}

with

daily as (

    select
        'fct_funnel_periods' as mart,
        stat_date,
        platform,
        store_id,
        channel,
        {{ measures | join(', ') }}
    from {{ ref('fct_funnel_daily') }}
    where platform in ('site', 'generic')
    union all
    select
        'fct_funnel_store_periods' as mart,
        stat_date,
        platform,
        store_id,
        '(store)' as channel,
        {{ measures | join(', ') }}
    from {{ ref('fct_funnel_store_daily') }}
    where platform in ('site', 'generic')

),

periods as (

    select
        'fct_funnel_periods' as mart,
        period_grain,
        period_start,
        platform,
        store_id,
        channel,
        {{ measures | join(', ') }}
    from {{ ref('fct_funnel_periods') }}
    where platform in ('site', 'generic')
    union all
    select
        'fct_funnel_store_periods' as mart,
        period_grain,
        period_start,
        platform,
        store_id,
        '(store)' as channel,
        {{ measures | join(', ') }}
    from {{ ref('fct_funnel_store_periods') }}
    where platform in ('site', 'generic')

),

daily_bounds as (

    {% for grain in grains -%}
        select
            mart,
            '{{ grain }}' as period_grain,
            cast({{ dbt.date_trunc(grain, 'stat_date') }} as date) as period_start,
            platform,
            store_id,
            channel,
            {% for measure in measures -%}
                max({{ measure }}) as max_{{ measure }},
                sum({{ measure }}) as sum_{{ measure }},
            {% endfor -%}
            count(*) as days_in_period
        from daily
        group by mart, cast({{ dbt.date_trunc(grain, 'stat_date') }} as date), platform, store_id, channel
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

checked as (

    {% for measure in measures -%}
        select
            periods.mart,
            periods.period_grain,
            periods.period_start,
            periods.platform,
            periods.store_id,
            periods.channel,
            '{{ measure }}' as measure,
            daily_bounds.max_{{ measure }} as max_daily,
            periods.{{ measure }} as period_count,
            daily_bounds.sum_{{ measure }} as sum_daily
        from periods
        inner join daily_bounds
            on
                periods.mart = daily_bounds.mart
                and periods.period_grain = daily_bounds.period_grain
                and periods.period_start = daily_bounds.period_start
                and periods.platform = daily_bounds.platform
                and periods.store_id = daily_bounds.store_id
                and periods.channel = daily_bounds.channel
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from checked
where
    period_count is not null
    and (period_count < max_daily or period_count > sum_daily)
