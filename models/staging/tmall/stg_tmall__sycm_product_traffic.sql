-- Sycm daily product performance (生意参谋 商品效果), one row per day and product.
-- Good, latest rows of tmall/sycm_product_traffic: one row per stat_date, product_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__sycm_product_traffic') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

),

final as (

    select
        -- ids
        product_id,
        main_product_id,
        item_number,

        -- strings
        product_name,
        product_type,
        product_status,

        -- numerics
        product_visitors,
        product_page_views,
        avg_stay_seconds,
        detail_bounce_rate,
        favoriters,
        cart_quantity,
        cart_adders,
        ordering_buyers,
        ordered_quantity,
        ordered_amount,
        order_conversion_rate,
        paying_buyers,
        paid_quantity,
        paid_amount,
        payment_conversion_rate,
        new_paying_buyers,
        returning_paying_buyers,
        returning_buyer_amount,
        refunded_amount,
        search_visitors,
        search_paying_buyers,

        -- timestamps
        stat_date,
        product_created_at,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
