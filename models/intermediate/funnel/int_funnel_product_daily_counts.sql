-- Funnel counts per day and product listing, before any rate: Sycm product performance (商品效果) for
-- Tmall (visitor → cart → order → payment) and Alibaba.com product performance (exposure → click →
-- visitor → inquiry). Steps a platform does not report are NULL. Each export is one shop's: the store
-- is the platform's default store id (int_funnel_platform_stores).
{%- set bigint = dbt.type_bigint() %}
{%- set money = storeops.type_money() %}

with

sycm_products as (

    select * from {{ ref('stg_tmall__sycm_product_traffic') }}

),

alibaba_products as (

    select * from {{ ref('stg_alibaba_com__product_performance') }}

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

alibaba_com as (

    select
        alibaba_products.stat_date,
        'alibaba_com' as platform,
        stores.default_store_id as store_id,
        alibaba_products.product_id,
        alibaba_products.product_name,
        alibaba_products.product_created_at,
        alibaba_products.exposures,
        alibaba_products.clicks,
        alibaba_products.visitors,
        cast(null as {{ bigint }}) as page_views,
        cast(null as {{ bigint }}) as cart_adders,
        cast(null as {{ bigint }}) as ordering_buyers,
        cast(null as {{ bigint }}) as paying_buyers,
        cast(null as {{ bigint }}) as paid_quantity,
        alibaba_products.inquiries,
        cast(null as {{ money }}) as gmv,
        alibaba_products.star_rating,
        alibaba_products.image_count

    from alibaba_products
    inner join stores
        on stores.platform = 'alibaba_com'

),

final as (

    select * from tmall
    union all
    select * from alibaba_com

)

select * from final
