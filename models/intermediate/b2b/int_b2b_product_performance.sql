-- B2B product performance conformed across platforms: one row per platform, day and product of
-- Alibaba.com's and Made-in-China.com's product performance exports, in one vocabulary (exposure → click
-- → visitor → inquiry). Each platform keeps its own day (Alibaba.com: US Pacific; Made-in-China.com: China
-- time). A measure an export does not carry is NULL (Made-in-China.com's performance export has no star
-- rating or image count: its product list does).
{%- set bigint = dbt.type_bigint() %}

with

alibaba_products as (

    select * from {{ ref('stg_alibaba_com__product_performance') }}

),

made_in_china_products as (

    select * from {{ ref('stg_made_in_china__product_performance') }}

),

alibaba_com as (

    select
        'alibaba_com' as platform,
        stat_date,
        product_id,
        product_name,
        product_created_at,
        exposures,
        clicks,
        visitors,
        inquiries,
        star_rating,
        image_count

    from alibaba_products

),

made_in_china as (

    select
        'made_in_china' as platform,
        stat_date,
        product_id,
        product_name,
        product_created_at,
        exposures,
        clicks,
        visitors,
        inquiries,
        cast(null as {{ storeops.type_double() }}) as star_rating,
        cast(null as {{ bigint }}) as image_count

    from made_in_china_products

),

final as (

    select * from alibaba_com
    union all
    select * from made_in_china

)

select * from final
