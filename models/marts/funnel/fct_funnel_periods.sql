-- One row per period (ISO week from Monday, or calendar month), platform, store and channel.
-- Additive steps are summed over the days. Distinct counts (visitors, buyers...) are recounted over the
-- whole period from event- and order-level data where it exists (own shop; buyers of the generic
-- export) and are NULL where only daily aggregates exist (Sycm, Alibaba.com); the `*_days` columns are
-- always the sum of the daily values (a visitor on 4 days counts 4 times), named so nobody mistakes
-- them for period visitors. Rates: on the period's own counts; `*_over_days` rates divide sums of daily
-- values (a visitor-weighted mean of the daily rates), the only period rate a daily aggregate allows.
{%- set grains = ['week', 'month'] %}

with

daily as (

    select * from {{ ref('int_funnel_daily_counts') }}

),

recounts as (

    select * from {{ ref('int_funnel_period_recounts') }}
    where recount_level = 'channel'

),

daily_by_period as (

    {% for grain in grains -%}
        select
            '{{ grain }}' as period_grain,
            cast({{ dbt.date_trunc(grain, 'stat_date') }} as date) as period_start,
            platform,
            store_id,
            channel,
            count(*) as days_reported,
            sum(exposures) as exposures,
            sum(clicks) as clicks,
            sum(page_views) as page_views,
            sum(paid_orders) as paid_orders,
            sum(inquiries) as inquiries,
            sum(gmv) as gmv,
            sum(net_gmv) as net_gmv,
            sum(visitors) as visitor_days,
            sum(product_viewers) as product_viewer_days,
            sum(cart_adders) as cart_adder_days,
            sum(ordering_buyers) as ordering_buyer_days,
            sum(paying_buyers) as paying_buyer_days

        from daily
        group by cast({{ dbt.date_trunc(grain, 'stat_date') }} as date), platform, store_id, channel
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- which platform has which distinct recount: the own shop every step, the generic export its buyers
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
        case
            when daily_by_period.platform in ('site', 'generic') then coalesce(recounts.ordering_buyers, 0)
        end as ordering_buyers,
        case
            when daily_by_period.platform in ('site', 'generic') then coalesce(recounts.paying_buyers, 0)
        end as paying_buyers

    from daily_by_period
    left join recounts
        on
            daily_by_period.period_grain = recounts.period_grain
            and daily_by_period.period_start = recounts.period_start
            and daily_by_period.platform = recounts.platform
            and daily_by_period.store_id = recounts.store_id
            and daily_by_period.channel = recounts.channel

),

final as (

    select
        -- keys
        period_grain,
        period_start,
        platform,
        store_id,
        channel,

        -- timestamps
        cast(
            case
                when period_grain = 'week' then {{ dbt.dateadd('day', 6, 'period_start') }}
                else {{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'period_start')) }}
            end as date
        ) as period_end,

        -- numerics: additive
        days_reported,
        cast(exposures as {{ dbt.type_bigint() }}) as exposures,
        cast(clicks as {{ dbt.type_bigint() }}) as clicks,
        cast(page_views as {{ dbt.type_bigint() }}) as page_views,
        cast(paid_orders as {{ dbt.type_bigint() }}) as paid_orders,
        cast(inquiries as {{ dbt.type_bigint() }}) as inquiries,
        cast(gmv as {{ storeops.type_money() }}) as gmv,
        cast(net_gmv as {{ storeops.type_money() }}) as net_gmv,

        -- numerics: distinct recounts over the period
        cast(visitors as {{ dbt.type_bigint() }}) as visitors,
        cast(product_viewers as {{ dbt.type_bigint() }}) as product_viewers,
        cast(cart_adders as {{ dbt.type_bigint() }}) as cart_adders,
        cast(ordering_buyers as {{ dbt.type_bigint() }}) as ordering_buyers,
        cast(paying_buyers as {{ dbt.type_bigint() }}) as paying_buyers,

        -- numerics: sums of daily distinct counts
        cast(visitor_days as {{ dbt.type_bigint() }}) as visitor_days,
        cast(product_viewer_days as {{ dbt.type_bigint() }}) as product_viewer_days,
        cast(cart_adder_days as {{ dbt.type_bigint() }}) as cart_adder_days,
        cast(ordering_buyer_days as {{ dbt.type_bigint() }}) as ordering_buyer_days,
        cast(paying_buyer_days as {{ dbt.type_bigint() }}) as paying_buyer_days,

        -- numerics: rates on the period's own counts
        {{ funnel_rates() }},

        -- numerics: rates on sums of daily values
        {{ funnel_rates(over_days=true) }}

    from combined

)

select * from final
