-- One row per non-recurring campaign, platform and day, from 7 days before the campaign to 7 days after it
-- (int_campaign_window_days), on the days the platform has data: the day's sales, its same-weekday baseline
-- (int_platform_sales_baselines, DECISIONLOG B1) and the uplift (measure - baseline), AOV and conversion,
-- refunds, pre-sale deposits taken and the day's channel spend. fct_campaign_performance sums these days.

with

window_days as (

    select * from {{ ref('int_campaign_window_days') }}

),

baselines as (

    select * from {{ ref('int_platform_sales_baselines') }}

),

daily_spend as (

    select
        platform,
        stat_date as calendar_date,
        sum(spend) as channel_spend
    from {{ ref('int_channel_spend_daily') }}
    group by platform, stat_date

),

final as (

    select
        -- keys
        window_days.campaign_id,
        window_days.platform,
        window_days.calendar_date,

        -- strings
        window_days.phase,
        window_days.campaign_name,
        window_days.campaign_type,
        baselines.baseline_status,
        baselines.baseline_days,

        -- numerics
        {{ storeops.funnel_rates(only=['average_order_value', 'payment_conversion_rate'], relation='baselines') }},
        {{ storeops.safe_divide('baselines.baseline_gmv', 'baselines.baseline_paying_buyers') }}
            as baseline_average_order_value,
        {{ storeops.safe_divide('baselines.baseline_paying_buyers', 'baselines.baseline_visitors') }}
            as baseline_payment_conversion_rate,
        {%- for measure in storeops.campaign_baseline_measures() %}
            baselines.{{ measure }},
            baselines.baseline_{{ measure }},
            baselines.{{ measure }} - baselines.baseline_{{ measure }} as uplift_{{ measure }},
        {%- endfor %}
        baselines.paid_amount,
        baselines.deposit_amount,
        baselines.deposit_orders,
        cast(daily_spend.channel_spend as {{ storeops.type_money() }}) as channel_spend,
        baselines.baseline_day_count,

        -- dates
        window_days.campaign_start_date,
        window_days.campaign_end_date

    from window_days
    inner join baselines
        on (window_days.platform, window_days.calendar_date) = (baselines.platform, baselines.calendar_date)
    left join daily_spend
        on (window_days.platform, window_days.calendar_date) = (daily_spend.platform, daily_spend.calendar_date)

)

select * from final
