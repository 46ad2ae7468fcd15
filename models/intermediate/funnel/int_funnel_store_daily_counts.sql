-- Funnel counts per day, platform and store, all channels together, before any rate.
-- Distinct counts come from the platform's own daily totals, never from a sum over channels:
--   tmall        Sycm shop overview (店铺整体); net GMV from the order export (orders paid that day, less
--                what has been refunded on them)
--                days with no Sycm shop overview: the order export alone (int_funnel_tmall_order_days)
--   site         distinct recounts over the day's events and orders
--   alibaba_com  product performance summed over products for the additive steps (exposures, clicks,
--                inquiries); no shop-level visitor count is exported, so visitors are NULL
--   generic      distinct recounts over the day's orders
{{ config(materialized='table') }}

{%- set bigint = dbt.type_bigint() %}
{%- set money = storeops.type_money() %}

with

sycm_shop as (

    select * from {{ ref('stg_tmall__sycm_shop_daily') }}

),

alibaba_products as (

    select * from {{ ref('stg_alibaba_com__product_performance') }}

),

site_events as (

    select * from {{ ref('int_site_events_sessionized') }}

),

orders as (

    select * from {{ ref('int_funnel_orders') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

tmall_order_days as (

    select * from {{ ref('int_funnel_tmall_order_days') }}

),

tmall_net as (

    select
        payment_date as stat_date,
        sum(net_paid_amount) as net_gmv

    from orders
    where platform = 'tmall' and is_paid
    group by payment_date

),

tmall as (

    select
        sycm_shop.stat_date,
        'tmall' as platform,
        stores.default_store_id as store_id,
        cast(null as {{ bigint }}) as exposures,
        cast(null as {{ bigint }}) as clicks,
        sycm_shop.visitors,
        sycm_shop.page_views,
        sycm_shop.product_viewers,
        sycm_shop.cart_adders,
        sycm_shop.ordering_buyers,
        sycm_shop.paying_buyers,
        sycm_shop.paid_orders,
        cast(null as {{ bigint }}) as inquiries,
        sycm_shop.paid_amount as gmv,
        coalesce(tmall_net.net_gmv, 0) as net_gmv

    from sycm_shop
    inner join stores
        on stores.platform = 'tmall'
    left join tmall_net
        on sycm_shop.stat_date = tmall_net.stat_date

),

-- Tmall days the Sycm shop overview does not cover: the order export's steps
tmall_orders_only as (

    select * from tmall_order_days
    where stat_date not in (select sycm_shop.stat_date from sycm_shop)

),

alibaba_com as (

    select
        alibaba_products.stat_date,
        'alibaba_com' as platform,
        stores.default_store_id as store_id,
        sum(alibaba_products.exposures) as exposures,
        sum(alibaba_products.clicks) as clicks,
        cast(null as {{ bigint }}) as visitors,
        cast(null as {{ bigint }}) as page_views,
        cast(null as {{ bigint }}) as product_viewers,
        cast(null as {{ bigint }}) as cart_adders,
        cast(null as {{ bigint }}) as ordering_buyers,
        cast(null as {{ bigint }}) as paying_buyers,
        cast(null as {{ bigint }}) as paid_orders,
        sum(alibaba_products.inquiries) as inquiries,
        cast(null as {{ money }}) as gmv,
        cast(null as {{ money }}) as net_gmv

    from alibaba_products
    inner join stores
        on stores.platform = 'alibaba_com'
    group by alibaba_products.stat_date, stores.default_store_id

),

site_traffic as (

    select
        site_events.event_date as stat_date,
        stores.default_store_id as store_id,
        count(distinct site_events.user_pseudo_id) as visitors,
        count(case when site_events.event_name = 'page_view' then 1 end) as page_views,
        count(distinct case when site_events.event_name = 'view_item' then site_events.user_pseudo_id end)
            as product_viewers,
        count(distinct case when site_events.event_name = 'add_to_cart' then site_events.user_pseudo_id end)
            as cart_adders

    from site_events
    inner join stores
        on stores.platform = 'site'
    group by site_events.event_date, stores.default_store_id

),

ordering as (

    select
        order_date as stat_date,
        platform,
        store_id,
        count(distinct buyer_key) as ordering_buyers

    from orders
    where platform in ('site', 'generic')
    group by order_date, platform, store_id

),

paying as (

    select
        payment_date as stat_date,
        platform,
        store_id,
        count(distinct buyer_key) as paying_buyers,
        count(*) as paid_orders,
        sum(paid_amount) as gmv,
        sum(net_paid_amount) as net_gmv

    from orders
    where platform in ('site', 'generic') and is_paid
    group by payment_date, platform, store_id

),

order_platform_keys as (

    select
        stat_date,
        platform,
        store_id
    from ordering
    union
    select
        stat_date,
        platform,
        store_id
    from paying
    union
    select
        stat_date,
        'site' as platform,
        store_id
    from site_traffic

),

order_platforms as (

    select
        order_platform_keys.stat_date,
        order_platform_keys.platform,
        order_platform_keys.store_id,
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
        coalesce(paying.net_gmv, 0) as net_gmv

    from order_platform_keys
    left join site_traffic
        on
            order_platform_keys.platform = 'site'
            and order_platform_keys.stat_date = site_traffic.stat_date
            and order_platform_keys.store_id = site_traffic.store_id
    left join ordering
        on
            order_platform_keys.stat_date = ordering.stat_date
            and order_platform_keys.platform = ordering.platform
            and order_platform_keys.store_id = ordering.store_id
    left join paying
        on
            order_platform_keys.stat_date = paying.stat_date
            and order_platform_keys.platform = paying.platform
            and order_platform_keys.store_id = paying.store_id

),

unioned as (

    select * from tmall
    union all
    select * from tmall_orders_only
    union all
    select * from alibaba_com
    union all
    select * from order_platforms

),

final as (

    select
        -- keys
        stat_date,
        platform,
        store_id,

        -- numerics: counts
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
        cast(net_gmv as {{ money }}) as net_gmv

    from unioned

)

select * from final
