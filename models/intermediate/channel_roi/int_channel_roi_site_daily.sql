-- The own-shop side of channel ROI (DECISIONLOG R3, R4): one row per stat_date, channel and attribution model
-- for every own-shop (site) day and channel with a cost, sessions or conversions. Sessions from int_site_sessions,
-- the warehouse's attribution from int_site_channel_attribution_daily; on the days the own-shop event export
-- covers (first to last session day) a measure with nothing behind it is 0, outside them NULL (no journeys).
-- int_channel_spend_daily is read for the own shop's cost days only (the spend is int_channel_roi_platform_daily's).
with

spend as (

    select * from {{ ref('int_channel_spend_daily') }}

),

site_sessions as (

    select * from {{ ref('int_site_sessions') }}

),

site_attribution as (

    select * from {{ ref('int_site_channel_attribution_daily') }}

),

attribution_models as (

    {{ storeops.attribution_model_rows() }}

),

sessions_daily as (

    select
        session_date as stat_date,
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

-- every own-shop day and channel with a cost, sessions or conversions
channel_days as (

    select
        stat_date,
        channel
    from spend
    where platform = 'site'
    union
    select
        stat_date,
        channel
    from sessions_daily
    union
    select
        stat_date,
        channel
    from site_attribution

),

joined as (

    select
        channel_days.stat_date,
        channel_days.channel,
        attribution_models.attribution_model,
        channel_days.stat_date between site_coverage.first_date and site_coverage.last_date as is_site_covered,
        sessions_daily.sessions,
        site_attribution.attributed_orders,
        site_attribution.attributed_revenue,
        site_attribution.attributed_net_revenue,
        site_attribution.attributed_new_customers,
        sessions_daily.stat_date is not null or site_attribution.stat_date is not null as has_export_data

    from channel_days
    cross join attribution_models
    cross join site_coverage
    left join site_attribution
        on
            channel_days.stat_date = site_attribution.stat_date
            and channel_days.channel = site_attribution.channel
            and attribution_models.attribution_model = site_attribution.attribution_model
    left join sessions_daily
        on
            channel_days.stat_date = sessions_daily.stat_date
            and channel_days.channel = sessions_daily.channel

),

final as (

    select
        -- dates
        stat_date,

        -- strings
        channel,
        attribution_model,

        -- numerics: 0 on covered days without sessions or conversions, NULL outside the covered days
        case when is_site_covered then coalesce(sessions, 0) end as sessions,
        case when is_site_covered then coalesce(attributed_orders, 0) end as warehouse_attributed_orders,
        case when is_site_covered then coalesce(attributed_revenue, 0) end as warehouse_attributed_revenue,
        case when is_site_covered then coalesce(attributed_net_revenue, 0) end as warehouse_attributed_net_revenue,
        case when is_site_covered then coalesce(attributed_new_customers, 0) end
            as warehouse_attributed_new_customers,

        -- flags
        has_export_data

    from joined

)

select * from final
