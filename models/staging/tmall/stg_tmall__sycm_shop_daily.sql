-- Sycm shop overview by day (生意参谋 店铺整体), the platform's own distinct counts for the whole shop.
-- Good, latest rows of tmall/sycm_shop_daily: one row per stat_date.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__sycm_shop_daily') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

),

final as (

    select
        -- numerics
        visitors,
        page_views,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        paid_amount,
        payment_conversion_rate,
        average_order_value,
        refunded_amount,

        -- timestamps
        stat_date,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
