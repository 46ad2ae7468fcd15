-- Campaign totals are the sum of their days (DECISIONLOG B3): every period row of fct_campaign_performance
-- against its days in fct_campaign_daily, chosen here by dates (a phase by its name, whole_campaign by the
-- campaign's first and last day, net_effect by the whole window). Returns each row that does not add up.
with

performance as (

    select * from {{ ref('fct_campaign_performance') }}

),

daily as (

    select * from {{ ref('fct_campaign_daily') }}

),

summed as (

    select
        performance.campaign_id,
        performance.platform,
        performance.period,
        count(*) as day_count,
        sum(daily.gmv) as gmv,
        sum(daily.baseline_gmv) as baseline_gmv,
        count(daily.baseline_gmv) as days_with_baseline,
        sum(daily.orders) as orders,
        sum(daily.new_customers) as new_customers,
        sum(daily.refund_amount) as refund_amount,
        sum(daily.deposit_amount) as deposit_amount,
        sum(daily.channel_spend) as channel_spend

    from performance
    inner join daily
        on
            performance.campaign_id = daily.campaign_id
            and performance.platform = daily.platform
            and (
                performance.period = daily.phase
                or performance.period = 'net_effect'
                or (
                    performance.period = 'whole_campaign'
                    and daily.calendar_date between daily.campaign_start_date and daily.campaign_end_date
                )
            )
    group by performance.campaign_id, performance.platform, performance.period

),

final as (

    select
        performance.campaign_id,
        performance.platform,
        performance.period,
        performance.gmv,
        summed.gmv as summed_gmv

    from performance
    left join summed
        on
            performance.campaign_id = summed.campaign_id
            and performance.platform = summed.platform
            and performance.period = summed.period
    where
        summed.day_count is distinct from performance.day_count
        or summed.gmv is distinct from performance.gmv
        or summed.orders is distinct from performance.orders
        or summed.new_customers is distinct from performance.new_customers
        or summed.refund_amount is distinct from performance.refund_amount
        or summed.deposit_amount is distinct from performance.deposit_amount
        or summed.channel_spend is distinct from performance.channel_spend
        or (performance.baseline_gmv is null) <> (summed.days_with_baseline < summed.day_count)
        or abs(summed.baseline_gmv - performance.baseline_gmv) > 0.005

)

select * from final
