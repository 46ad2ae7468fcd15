-- Funnel counts per day and product listing, before any rate: Sycm product performance (商品效果) for
-- Tmall (visitor → cart → order → payment) and the B2B platforms' product performance, Alibaba.com's and
-- Made-in-China.com's (exposure → click → visitor → inquiry; int_b2b_product_performance). Steps a platform
-- does not report are NULL. Each export is one shop's: the store is the platform's default store id
-- (int_funnel_platform_stores).
{%- set bigint = dbt.type_bigint() %}
{%- set money = storeops.type_money() %}

with

sycm_products as (

    select * from {{ ref('stg_tmall__sycm_product_traffic') }}

),

b2b_products as (

    select * from {{ ref('int_b2b_product_performance') }}

),

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

tmall as (

    select
        sycm_products.stat_date,
        'tmall' as platform,
        stores.default_store_id as store_id,
        sycm_products.product_id,
        sycm_products.product_name,
        sycm_products.product_created_at,
        cast(null as {{ bigint }}) as exposures,
        cast(null as {{ bigint }}) as clicks,
        sycm_products.product_visitors as visitors,
        sycm_products.product_page_views as page_views,
        sycm_products.cart_adders,
        sycm_products.ordering_buyers,
        sycm_products.paying_buyers,
        sycm_products.paid_quantity,
        cast(null as {{ bigint }}) as inquiries,
        sycm_products.paid_amount as gmv,
        cast(null as {{ storeops.type_double() }}) as star_rating,
        cast(null as {{ bigint }}) as image_count

    from sycm_products
    inner join stores
        on stores.platform = 'tmall'

),

b2b as (

    select
        b2b_products.stat_date,
        b2b_products.platform,
        stores.default_store_id as store_id,
        b2b_products.product_id,
        b2b_products.product_name,
        b2b_products.product_created_at,
        b2b_products.exposures,
        b2b_products.clicks,
        b2b_products.visitors,
        cast(null as {{ bigint }}) as page_views,
        cast(null as {{ bigint }}) as cart_adders,
        cast(null as {{ bigint }}) as ordering_buyers,
        cast(null as {{ bigint }}) as paying_buyers,
        cast(null as {{ bigint }}) as paid_quantity,
        b2b_products.inquiries,
        cast(null as {{ money }}) as gmv,
        b2b_products.star_rating,
        b2b_products.image_count

    from b2b_products
    inner join stores
        on b2b_products.platform = stores.platform

),

final as (

    select * from tmall
    union all
    select * from b2b

)

select * from final
