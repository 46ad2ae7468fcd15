-- Review of 618 by phase: each phase of the campaign against its baseline, then the pull-forward week before it,
-- the hangover week after it, the whole campaign and the net effect. Set the campaign with
-- --vars '{campaign_id: 618_2024}' (default: every 618) and the platform with --vars '{platform: tmall}'
-- (default: every platform), e.g.
--   dbt compile -s review_618_by_phase --vars '{campaign_id: double11_2024, platform: tmall}'
-- then run the SQL in target/compiled/. How to read it: README, "Campaign review". The baseline is the mean of the
-- same weekday over the 4 nearest weeks outside any campaign (DECISIONLOG B1); a NULL baseline means fewer than 4
-- such weeks exist in the data. Buyers and visitors are sums of daily counts (the rates say `over_days`).
{%- set campaign_id = var('campaign_id', none) %}
{%- set platform = var('platform', none) %}

with

performance as (

    select * from {{ ref('fct_campaign_performance') }}
    where
        campaign_id like '{{ campaign_id or "618%" }}'
        and platform like '{{ platform or "%" }}'

),

final as (

    select
        campaign_id,
        platform,
        period,
        first_date,
        last_date,
        day_count,
        gmv,
        round(baseline_gmv, 2) as baseline_gmv,
        round(uplift_gmv, 2) as uplift_gmv,
        round(uplift_gmv_pct, 4) as uplift_gmv_pct,
        paying_buyers,
        orders,
        new_customers,
        round(new_customer_share_over_days, 4) as new_customer_share,
        round(average_order_value_over_days, 2) as average_order_value,
        round(payment_conversion_rate_over_days, 4) as payment_conversion_rate,
        round(refund_rate, 4) as refund_rate,
        deposit_amount,
        budget,
        channel_spend,
        campaign_cost,
        round(incremental_roi, 2) as incremental_roi,
        case period
            when 'pull_forward' then 1
            when 'warm_up' then 2
            when 'burst' then 3
            when 'long_tail' then 4
            when 'hangover' then 6
            when 'whole_campaign' then 7
            when 'net_effect' then 8
            else 5
        end as period_order

    from performance

)

select * from final
order by campaign_id asc, platform asc, period_order asc, first_date asc
