-- Order export (订单报表), one row per order.
-- Good, latest rows of tmall/orders: one row per order_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- paid_amount (买家实际支付金额) is read as paid at payment time: refunds NOT subtracted.
with

base as (

    select * from {{ ref('base_tmall__orders') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

),

final as (

    select
        -- ids
        order_id,
        buyer_nick,
        buyer_alipay_account,
        payment_id,
        tracking_number,
        store_id,

        -- strings
        order_status,
        buyer_message,
        receiver_name,
        receiver_address,
        shipping_method,
        contact_phone,
        contact_mobile,
        product_title,
        carrier,
        order_note,
        store_name,
        close_reason,
        is_mobile_order,
        seller_note,

        -- numerics
        goods_amount,
        postage,
        total_amount,
        paid_amount,
        product_kinds,
        quantity,
        refund_amount,

        -- booleans
        paid_at is not null as is_paid,

        -- timestamps
        created_at,
        paid_at,
        confirmed_at,
        shipped_at,
        cast(created_at as date) as order_date,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
