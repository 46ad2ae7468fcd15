-- One row per day, platform, store and product listing: "which listings convert". Tmall listings from
-- Sycm product performance, Alibaba.com listings from its product performance (with star rating and
-- image count, which operators judge listings by). Rates are computed here once from the row's counts.
-- Product visitors are distinct per listing and day: summed over listings or days they are
-- visitor-listing-days, not visitors.
with

counts as (

    select * from {{ ref('int_funnel_product_daily_counts') }}

),

final as (

    select
        -- keys
        stat_date,
        platform,
        store_id,
        product_id,

        -- strings
        product_name,

        -- numerics: counts
        cast(exposures as {{ dbt.type_bigint() }}) as exposures,
        cast(clicks as {{ dbt.type_bigint() }}) as clicks,
        cast(visitors as {{ dbt.type_bigint() }}) as visitors,
        cast(page_views as {{ dbt.type_bigint() }}) as page_views,
        cast(cart_adders as {{ dbt.type_bigint() }}) as cart_adders,
        cast(ordering_buyers as {{ dbt.type_bigint() }}) as ordering_buyers,
        cast(paying_buyers as {{ dbt.type_bigint() }}) as paying_buyers,
        cast(paid_quantity as {{ dbt.type_bigint() }}) as paid_quantity,
        cast(inquiries as {{ dbt.type_bigint() }}) as inquiries,
        cast(gmv as {{ storeops.type_money() }}) as gmv,

        -- numerics: listing quality (Alibaba.com)
        cast(star_rating as {{ storeops.type_double() }}) as star_rating,
        cast(image_count as {{ dbt.type_bigint() }}) as image_count,

        -- numerics: rates (ratio of the row's counts; no product_view_rate: no product viewers here)
        {{ funnel_rates(only=[
            'ctr', 'cart_rate', 'order_conversion_rate', 'payment_conversion_rate', 'inquiry_rate',
            'average_order_value',
        ]) }},

        -- timestamps
        cast(product_created_at as date) as product_created_at

    from counts

)

select * from final
