-- Funnel counts per day, platform, store and channel, before any rate (fct_funnel_daily adds them).
-- Each platform fills the steps its exports report; the others stay NULL ("not reported", never 0):
--   tmall        Sycm traffic sources (流量来源): labels mapped to channels by the channel map; several
--                labels (and their 来源明细 rows) of one channel are summed, so the distinct counts of such a
--                row are sums over labels (visitors_is_distinct_count says when a row holds one label only)
--                days with no Sycm traffic-source rows: the order export alone (int_funnel_tmall_order_days),
--                channel `other`, order and payment steps only
--   site         events by session channel (distinct visitors, product viewers, cart adders per day), and
--                orders by the channel of their session (int_funnel_orders)
--   alibaba_com  product performance summed over products, channel of the channel map's `organic` label
--                (the export has no source split); visitors are sums over products
--   generic      orders by the export's channel label
{{ config(materialized='table') }}

{%- set bigint = dbt.type_bigint() %}
{%- set money = storeops.type_money() %}

with

sycm_sources as (

    select * from {{ ref('stg_tmall__sycm_traffic_sources') }}

),

alibaba_products as (

    select * from {{ ref('stg_alibaba_com__product_performance') }}

),

site_events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

site_sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),

orders as (

    select * from {{ ref('int_funnel_orders') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

tmall_order_days as (

    select * from {{ ref('int_funnel_tmall_order_days') }}

),

tmall as (

    select
        sycm_sources.stat_date,
        'tmall' as platform,
        coalesce(channel_map.channel, 'other') as channel,
        cast(null as {{ bigint }}) as exposures,
        cast(null as {{ bigint }}) as clicks,
        sum(sycm_sources.visitors) as visitors,
        sum(sycm_sources.page_views) as page_views,
        cast(null as {{ bigint }}) as product_viewers,
        sum(sycm_sources.cart_adders) as cart_adders,
        sum(sycm_sources.ordering_buyers) as ordering_buyers,
        sum(sycm_sources.paying_buyers) as paying_buyers,
        cast(null as {{ bigint }}) as paid_orders,
        cast(null as {{ bigint }}) as inquiries,
        sum(sycm_sources.paid_amount) as gmv,
        cast(null as {{ money }}) as net_gmv,
        count(*) = 1 as visitors_is_distinct_count

    from sycm_sources
    left join channel_map
        on channel_map.platform = 'tmall' and sycm_sources.traffic_source = channel_map.source_label
    group by sycm_sources.stat_date, coalesce(channel_map.channel, 'other')

),

-- Tmall days the Sycm export does not cover: the order export's steps, under channel `other`
tmall_orders_only as (

    select
        stat_date,
        platform,
        'other' as channel,
        exposures,
        clicks,
        visitors,
        page_views,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries,
        gmv,
        net_gmv,
        cast(null as boolean) as visitors_is_distinct_count,
        store_id

    from tmall_order_days
    where stat_date not in (select sycm_sources.stat_date from sycm_sources)

),

alibaba_com as (

    select
        alibaba_products.stat_date,
        'alibaba_com' as platform,
        coalesce(channel_map.channel, 'other') as channel,
        sum(alibaba_products.exposures) as exposures,
        sum(alibaba_products.clicks) as clicks,
        sum(alibaba_products.visitors) as visitors,
        cast(null as {{ bigint }}) as page_views,
        cast(null as {{ bigint }}) as product_viewers,
        cast(null as {{ bigint }}) as cart_adders,
        cast(null as {{ bigint }}) as ordering_buyers,
        cast(null as {{ bigint }}) as paying_buyers,
        cast(null as {{ bigint }}) as paid_orders,
        sum(alibaba_products.inquiries) as inquiries,
        cast(null as {{ money }}) as gmv,
        cast(null as {{ money }}) as net_gmv,
        count(*) = 1 as visitors_is_distinct_count

    from alibaba_products
    left join channel_map
        on channel_map.platform = 'alibaba_com' and channel_map.source_label = 'organic'
    group by alibaba_products.stat_date, coalesce(channel_map.channel, 'other')

),

site_traffic as (

    select
        site_events.event_date as stat_date,
        site_sessions.channel,
        count(distinct site_events.user_pseudo_id) as visitors,
        count(case when site_events.event_name = 'page_view' then 1 end) as page_views,
        count(distinct case when site_events.event_name = 'view_item' then site_events.user_pseudo_id end)
            as product_viewers,
        count(distinct case when site_events.event_name = 'add_to_cart' then site_events.user_pseudo_id end)
            as cart_adders

    from site_events
    inner join site_sessions
        on site_events.session_key = site_sessions.session_key
    group by site_events.event_date, site_sessions.channel

),

ordering as (

    select
        order_date as stat_date,
        platform,
        store_id,
        channel,
        count(distinct buyer_key) as ordering_buyers

    from orders
    where platform in ('site', 'generic')
    group by order_date, platform, store_id, channel

),

paying as (

    select
        payment_date as stat_date,
        platform,
        store_id,
        channel,
        count(distinct buyer_key) as paying_buyers,
        count(*) as paid_orders,
        sum(paid_amount) as gmv,
        sum(net_paid_amount) as net_gmv

    from orders
    where platform in ('site', 'generic') and is_paid
    group by payment_date, platform, store_id, channel

),

order_platform_keys as (

    select
        stat_date,
        platform,
        store_id,
        channel
    from ordering
    union
    select
        stat_date,
        platform,
        store_id,
        channel
    from paying
    union
    select
        site_traffic.stat_date,
        'site' as platform,
        stores.default_store_id as store_id,
        site_traffic.channel
    from site_traffic
    inner join stores on stores.platform = 'site'

),

-- own shop and generic: every step they report is a count, 0 when nothing happened
order_platforms as (

    select
        order_platform_keys.stat_date,
        order_platform_keys.platform,
        order_platform_keys.store_id,
        order_platform_keys.channel,
        cast(null as {{ bigint }}) as exposures,
        cast(null as {{ bigint }}) as clicks,
        case when order_platform_keys.platform = 'site' then coalesce(site_traffic.visitors, 0) end as visitors,
        case when order_platform_keys.platform = 'site' then coalesce(site_traffic.page_views, 0) end as page_views,
        case
            when order_platform_keys.platform = 'site' then coalesce(site_traffic.product_viewers, 0)
        end as product_viewers,
        case
            when order_platform_keys.platform = 'site' then coalesce(site_traffic.cart_adders, 0)
        end as cart_adders,
        coalesce(ordering.ordering_buyers, 0) as ordering_buyers,
        coalesce(paying.paying_buyers, 0) as paying_buyers,
        coalesce(paying.paid_orders, 0) as paid_orders,
        cast(null as {{ bigint }}) as inquiries,
        coalesce(paying.gmv, 0) as gmv,
        coalesce(paying.net_gmv, 0) as net_gmv,
        case when order_platform_keys.platform = 'site' then true end as visitors_is_distinct_count

    from order_platform_keys
    left join site_traffic
        on
            order_platform_keys.platform = 'site'
            and order_platform_keys.stat_date = site_traffic.stat_date
            and order_platform_keys.channel = site_traffic.channel
    left join ordering
        on
            order_platform_keys.stat_date = ordering.stat_date
            and order_platform_keys.platform = ordering.platform
            and order_platform_keys.store_id = ordering.store_id
            and order_platform_keys.channel = ordering.channel
    left join paying
        on
            order_platform_keys.stat_date = paying.stat_date
            and order_platform_keys.platform = paying.platform
            and order_platform_keys.store_id = paying.store_id
            and order_platform_keys.channel = paying.channel

),

platform_aggregates as (

    select
        tmall.*,
        stores.default_store_id as store_id
    from tmall
    inner join stores on tmall.platform = stores.platform
    union all
    select
        alibaba_com.*,
        stores.default_store_id as store_id
    from alibaba_com
    inner join stores on alibaba_com.platform = stores.platform
    union all
    select * from tmall_orders_only

),

unioned as (

    select
        stat_date,
        platform,
        store_id,
        channel,
        exposures,
        clicks,
        visitors,
        page_views,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries,
        gmv,
        net_gmv,
        visitors_is_distinct_count
    from platform_aggregates
    union all
    select
        stat_date,
        platform,
        store_id,
        channel,
        exposures,
        clicks,
        visitors,
        page_views,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries,
        gmv,
        net_gmv,
        visitors_is_distinct_count
    from order_platforms

),

final as (

    select
        -- keys
        stat_date,
        platform,
        store_id,
        channel,

        -- numerics: counts (additive over channels and days: exposures, clicks, page_views, paid_orders,
        -- inquiries, gmv, net_gmv; the rest are distinct counts of the day)
        cast(exposures as {{ bigint }}) as exposures,
        cast(clicks as {{ bigint }}) as clicks,
        cast(visitors as {{ bigint }}) as visitors,
        cast(page_views as {{ bigint }}) as page_views,
        cast(product_viewers as {{ bigint }}) as product_viewers,
        cast(cart_adders as {{ bigint }}) as cart_adders,
        cast(ordering_buyers as {{ bigint }}) as ordering_buyers,
        cast(paying_buyers as {{ bigint }}) as paying_buyers,
        cast(paid_orders as {{ bigint }}) as paid_orders,
        cast(inquiries as {{ bigint }}) as inquiries,
        cast(gmv as {{ money }}) as gmv,
        cast(net_gmv as {{ money }}) as net_gmv,

        -- booleans
        visitors_is_distinct_count

    from unioned

)

select * from final
