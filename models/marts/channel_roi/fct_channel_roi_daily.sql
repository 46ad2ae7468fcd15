-- Channel ROI by day: one row per stat_date, platform, channel and attribution_model (DECISIONLOG R1-R8).
-- Spend from the one spend vocabulary (int_channel_spend_daily); two kinds of revenue side by side, labelled:
-- the platform's own attributed figure (platform_*) and the warehouse's attribution over own-shop journeys
-- (warehouse_*, per attribution model). Spend and platform figures do not depend on the model: every model
-- carries the same copy, so filter on one model (is_default_attribution_model) before summing.
-- Every ratio is computed here, once, with safe_divide.
with

spend as (

    select * from {{ ref('int_channel_spend_daily') }}

),

platform_revenue as (

    select * from {{ ref('int_platform_channel_revenue_daily') }}

),

site_attribution as (

    select * from {{ ref('int_site_channel_attribution_daily') }}

),

site_sessions as (

    select * from {{ ref('int_site_sessions') }}

),

attribution_models as (

    {%- for attribution_model in var('attribution_models') %}
        select '{{ attribution_model }}' as attribution_model
        {% if not loop.last -%} union all {%- endif %}
    {%- endfor %}

),

spend_daily as (

    select
        stat_date,
        platform,
        channel,
        sum(spend) as spend,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        -- a day an export (not the hand-kept seed) reports on
        max(case when cost_source <> 'manual_costs' then 1 else 0 end) = 1 as is_export_day

    from spend
    group by stat_date, platform, channel

),

sessions_daily as (

    select
        session_date as stat_date,
        'site' as platform,
        channel,
        count(*) as sessions

    from site_sessions
    group by session_date, channel

),

-- the days the own-shop event export covers: warehouse measures are 0 there when nothing converted, NULL outside
site_coverage as (

    select
        min(stat_date) as first_date,
        max(stat_date) as last_date

    from sessions_daily

),

-- the first and last day any export reports on (ad reports, Sycm, generic orders, own-shop sessions and
-- conversions); manual costs are booked by hand and may run beyond the exports (plans)
export_days as (

    select stat_date from spend_daily
    where is_export_day
    union all
    select stat_date from platform_revenue
    union all
    select stat_date from sessions_daily
    union all
    select stat_date from site_attribution

),

export_range as (

    select
        min(stat_date) as first_date,
        max(stat_date) as last_date

    from export_days

),

channel_days as (

    select
        stat_date,
        platform,
        channel
    from spend_daily
    union
    select
        stat_date,
        platform,
        channel
    from platform_revenue
    union
    select
        stat_date,
        platform,
        channel
    from sessions_daily
    union
    select
        stat_date,
        'site' as platform,
        channel
    from site_attribution

),

grid as (

    select
        channel_days.stat_date,
        channel_days.platform,
        channel_days.channel,
        attribution_models.attribution_model

    from channel_days
    cross join attribution_models

),

joined as (

    select
        grid.stat_date,
        grid.platform,
        grid.channel,
        grid.attribution_model,
        coalesce(spend_daily.spend, 0) as spend,
        spend_daily.impressions,
        spend_daily.clicks,
        platform_revenue.platform_attributed_orders,
        platform_revenue.platform_attributed_revenue,
        platform_revenue.platform_attribution_basis,
        grid.platform = 'site'
        and grid.stat_date between site_coverage.first_date and site_coverage.last_date as is_site_covered,
        sessions_daily.sessions,
        site_attribution.attributed_orders,
        site_attribution.attributed_revenue,
        site_attribution.attributed_net_revenue,
        site_attribution.attributed_new_customers,
        coalesce(grid.stat_date between export_range.first_date and export_range.last_date, false)
            as is_within_export_range

    from grid
    cross join site_coverage
    cross join export_range
    left join spend_daily
        on
            grid.stat_date = spend_daily.stat_date
            and grid.platform = spend_daily.platform
            and grid.channel = spend_daily.channel
    left join platform_revenue
        on
            grid.stat_date = platform_revenue.stat_date
            and grid.platform = platform_revenue.platform
            and grid.channel = platform_revenue.channel
    left join sessions_daily
        on
            grid.stat_date = sessions_daily.stat_date
            and grid.platform = sessions_daily.platform
            and grid.channel = sessions_daily.channel
    left join site_attribution
        on
            grid.platform = 'site'
            and grid.stat_date = site_attribution.stat_date
            and grid.channel = site_attribution.channel
            and grid.attribution_model = site_attribution.attribution_model

),

measured as (

    select
        stat_date,
        platform,
        channel,
        attribution_model,
        spend,
        impressions,
        clicks,
        platform_attributed_orders,
        platform_attributed_revenue,
        platform_attribution_basis,
        case when is_site_covered then coalesce(sessions, 0) end as sessions,
        case when is_site_covered then coalesce(attributed_orders, 0) end as warehouse_attributed_orders,
        case when is_site_covered then coalesce(attributed_revenue, 0) end as warehouse_attributed_revenue,
        case when is_site_covered then coalesce(attributed_net_revenue, 0) end as warehouse_attributed_net_revenue,
        case when is_site_covered then coalesce(attributed_new_customers, 0) end
            as warehouse_attributed_new_customers,
        is_within_export_range

    from joined

),

final as (

    select
        -- grain
        stat_date,
        platform,
        channel,
        attribution_model,
        attribution_model = '{{ var("attribution_model") }}' as is_default_attribution_model,

        -- spend vocabulary (additive)
        cast(spend as {{ storeops.type_money() }}) as spend,
        cast(impressions as bigint) as impressions,
        cast(clicks as bigint) as clicks,
        cast(sessions as bigint) as sessions,

        -- the platform's own attributed figures (additive within a basis)
        cast(platform_attributed_orders as bigint) as platform_attributed_orders,
        cast(platform_attributed_revenue as {{ storeops.type_money() }}) as platform_attributed_revenue,
        platform_attribution_basis,

        -- the warehouse's attribution over own-shop journeys (additive; fractional under multi-touch models)
        cast(warehouse_attributed_orders as {{ storeops.type_double() }}) as warehouse_attributed_orders,
        cast(warehouse_attributed_revenue as {{ storeops.type_double() }}) as warehouse_attributed_revenue,
        cast(warehouse_attributed_net_revenue as {{ storeops.type_double() }}) as warehouse_attributed_net_revenue,
        cast(warehouse_attributed_new_customers as {{ storeops.type_double() }})
            as warehouse_attributed_new_customers,

        -- ratios: the one place they are computed (roll up as ratio of sums, never an average of days);
        -- ad_ctr is the paid ads' clicks / impressions, not the funnel's ctr (clicks / listing exposures)
        {{ safe_divide('clicks', 'impressions') }} as ad_ctr,
        {{ safe_divide('spend', 'clicks') }} as cpc,
        {{ safe_divide('warehouse_attributed_revenue', 'spend') }} as roas,
        {{ safe_divide('platform_attributed_revenue', 'spend') }} as platform_roas,
        {{ safe_divide('spend', 'warehouse_attributed_orders') }} as cpa,
        {{ safe_divide('spend', 'platform_attributed_orders') }} as platform_cpa,
        {{ safe_divide('spend', 'warehouse_attributed_new_customers') }} as cac,

        -- flags
        is_within_export_range

    from measured

)

select * from final
