-- Channel ROI by day: one row per stat_date, platform, channel and attribution_model (DECISIONLOG R1-R8).
-- Two kinds of revenue side by side, labelled: the platform's own attributed figure (platform_*, with the
-- spend, from int_channel_roi_platform_daily) and the warehouse's attribution over own-shop journeys
-- (warehouse_*, per attribution model, from int_channel_roi_site_daily). Spend and platform figures do not
-- depend on the model: every model carries the same copy, so filter on one model (is_default_attribution_model)
-- before summing. Every ratio is computed here, once, with safe_divide.
with

platform_days as (

    select * from {{ ref('int_channel_roi_platform_daily') }}

),

site_days as (

    select * from {{ ref('int_channel_roi_site_daily') }}

),

-- the days any export reports on (ad reports, Sycm, generic orders, own-shop sessions and conversions);
-- manual costs are booked by hand and may run beyond the exports (plans)
export_days as (

    select stat_date from platform_days
    where has_export_data
    union all
    select stat_date from site_days
    where has_export_data

),

attribution_models as (

    {{ storeops.attribution_model_rows() }}

),

-- the platform days once per model, matched with the own-shop rows of the same day, channel and model
-- (own-shop days without a cost come from site_days alone)
measured as (

    select
        coalesce(platform_days.stat_date, site_days.stat_date) as stat_date,
        coalesce(platform_days.platform, 'site') as platform,
        coalesce(platform_days.channel, site_days.channel) as channel,
        coalesce(attribution_models.attribution_model, site_days.attribution_model) as attribution_model,
        coalesce(platform_days.spend, 0) as spend,
        platform_days.impressions,
        platform_days.clicks,
        platform_days.platform_attributed_orders,
        platform_days.platform_attributed_revenue,
        platform_days.platform_attribution_basis,
        site_days.sessions,
        site_days.warehouse_attributed_orders,
        site_days.warehouse_attributed_revenue,
        site_days.warehouse_attributed_net_revenue,
        site_days.warehouse_attributed_new_customers

    from platform_days
    cross join attribution_models
    full outer join site_days
        on
            platform_days.platform = 'site'
            and platform_days.stat_date = site_days.stat_date
            and platform_days.channel = site_days.channel
            and attribution_models.attribution_model = site_days.attribution_model

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

        -- flags: the day lies between the first and last day any export reports on
        coalesce(
            stat_date
            between (select min(export_days.stat_date) from export_days)
            and (select max(export_days.stat_date) from export_days),
            false
        ) as is_within_export_range

    from measured

)

select * from final
