-- One row per non-recurring campaign, platform and period: each phase, `pull_forward` (the 7 days before),
-- `hangover` (the 7 days after), `whole_campaign` (first to last day of the campaign) and `net_effect`
-- (pull-forward + campaign + hangover, the net of the dip before and after). Every figure is the sum of the
-- period's days in fct_campaign_daily; a baseline exists only when every day has one. Cost is the calendar's
-- budget where written, else the channel spend over the days; incremental ROI = uplift GMV / cost.

with

daily as (

    select * from {{ ref('fct_campaign_daily') }}

),

calendar as (

    select * from {{ ref('int_campaign_calendar') }}

),

periods as (

    select
        *,
        phase as period
    from daily
    union all
    select
        *,
        'whole_campaign' as period
    from daily
    where phase not in ('pull_forward', 'hangover')
    union all
    select
        *,
        'net_effect' as period
    from daily

),

totals as (

    select
        campaign_id,
        platform,
        period,
        any_value(campaign_name) as campaign_name,
        count(*) as day_count,
        count(*) filter (where baseline_status = 'ok') as days_with_baseline,
        {%- for measure in storeops.campaign_baseline_measures() %}
            cast(sum({{ measure }}) as {{ storeops.campaign_measure_type(measure) }}) as {{ measure }},
            case when bool_and(baseline_status = 'ok') then sum(baseline_{{ measure }}) end as baseline_{{ measure }},
        {%- endfor %}
        cast(sum(paid_amount) as {{ storeops.type_money() }}) as paid_amount,
        cast(sum(deposit_amount) as {{ storeops.type_money() }}) as deposit_amount,
        cast(sum(deposit_orders) as bigint) as deposit_orders,
        cast(sum(channel_spend) as {{ storeops.type_money() }}) as channel_spend,
        min(calendar_date) as first_date,
        max(calendar_date) as last_date

    from periods
    group by campaign_id, platform, period

),

-- a phase's budget on its phase; the sum of the phases' on whole_campaign and net_effect
budgets as (

    select
        campaign_id,
        platform,
        phase,
        budget
    from calendar
    union all
    select
        campaign_id,
        platform,
        unnest(['whole_campaign', 'net_effect']) as phase,
        cast(sum(budget) as {{ storeops.type_money() }}) as budget
    from calendar
    group by campaign_id, platform

),

final as (

    select
        totals.*,
        budgets.budget,
        coalesce(budgets.budget, totals.channel_spend) as campaign_cost,
        {%- for measure in storeops.campaign_baseline_measures() %}
            totals.{{ measure }} - totals.baseline_{{ measure }} as uplift_{{ measure }},
        {%- endfor %}
        {{ storeops.safe_divide('totals.gmv - totals.baseline_gmv', 'totals.baseline_gmv') }} as uplift_gmv_pct,
        {{ storeops.safe_divide('totals.new_customers', 'totals.paying_buyers') }} as new_customer_share_over_days,
        {{ storeops.safe_divide('totals.refund_amount', 'totals.paid_amount') }} as refund_rate,
        {{ storeops.safe_divide('totals.gmv', 'totals.paying_buyers') }} as average_order_value_over_days,
        {{ storeops.safe_divide('totals.paying_buyers', 'totals.visitors') }} as payment_conversion_rate_over_days,
        {{ storeops.safe_divide(
            'totals.gmv - totals.baseline_gmv', 'coalesce(budgets.budget, totals.channel_spend)'
        ) }} as incremental_roi

    from totals
    left join budgets
        on (totals.campaign_id, totals.platform, totals.period) = (budgets.campaign_id, budgets.platform, budgets.phase)

)

select * from final  -- noqa: AM04
