-- Base model for tmall/orders: every raw row, typed, with why it is rejected or superseded.
-- Order export (订单报表), one row per order.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Reading: 买家实际支付金额 (paid_amount) is the amount paid at payment time; refunds are NOT
-- subtracted (退款金额, refund_amount, is separate), even where an export writes it net.
-- 订单付款时间 (paid_at) is a required column but not a required value: an unpaid order has an empty 订单付款时间.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__orders. Natural key: order_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='_window_date',
        on_schema_change='fail'
    )
}}
{%- set window = storeops.incremental_window(
    source('tmall', 'orders'), 'cast(' ~ storeops.parse_timestamp(storeops.clean_text('"订单创建时间"')) ~ ' as date)'
) %}

with

source as (

    select * from {{ source('tmall', 'orders') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"订单编号"') }} as order_id,
        {{ storeops.clean_text('"买家会员名"') }} as buyer_nick,
        {{ storeops.clean_text('"买家支付宝账号"') }} as buyer_alipay_account,
        {{ storeops.clean_text('"支付单号"') }} as payment_id,
        {{ storeops.clean_text('"物流单号"') }} as tracking_number,
        {{ storeops.clean_text('"店铺Id"') }} as store_id,

        -- strings
        {{ storeops.clean_text('"订单状态"') }} as order_status,
        {{ storeops.clean_text('"买家留言"') }} as buyer_message,
        {{ storeops.clean_text('"收货人姓名"') }} as receiver_name,
        {{ storeops.clean_text('"收货地址"') }} as receiver_address,
        {{ storeops.clean_text('"运送方式"') }} as shipping_method,
        {{ storeops.clean_text('"联系电话"') }} as contact_phone,
        {{ storeops.clean_text('"联系手机"') }} as contact_mobile,
        {{ storeops.clean_text('"宝贝标题"') }} as product_title,
        {{ storeops.clean_text('"物流公司"') }} as carrier,
        {{ storeops.clean_text('"订单备注"') }} as order_note,
        {{ storeops.clean_text('"店铺名称"') }} as store_name,
        {{ storeops.clean_text('"订单关闭原因"') }} as close_reason,
        {{ storeops.clean_text('"是否手机订单"') }} as is_mobile_order,
        {{ storeops.clean_text('"商家备注"') }} as seller_note,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"买家应付货款"') }} as goods_amount_raw,
        {{ storeops.clean_text('"买家应付邮费"') }} as postage_raw,
        {{ storeops.clean_text('"总金额"') }} as total_amount_raw,
        {{ storeops.clean_text('"买家实际支付金额"') }} as paid_amount_raw,
        {{ storeops.clean_text('"宝贝种类"') }} as product_kinds_raw,
        {{ storeops.clean_text('"宝贝总数量"') }} as quantity_raw,
        {{ storeops.clean_text('"退款金额"') }} as refund_amount_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"订单创建时间"') }} as created_at_raw,
        {{ storeops.clean_text('"订单付款时间"') }} as paid_at_raw,
        {{ storeops.clean_text('"确认收货时间"') }} as confirmed_at_raw,
        {{ storeops.clean_text('"发货时间"') }} as shipped_at_raw,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from source

),

typed as (

    select
        *,
        {{ storeops.parse_money('goods_amount_raw') }} as goods_amount,
        {{ storeops.parse_money('postage_raw') }} as postage,
        {{ storeops.parse_money('total_amount_raw') }} as total_amount,
        {{ storeops.parse_money('paid_amount_raw') }} as paid_amount,
        {{ storeops.parse_timestamp('created_at_raw') }} as created_at,
        {{ storeops.parse_timestamp('paid_at_raw') }} as paid_at,
        {{ storeops.parse_integer('product_kinds_raw') }} as product_kinds,
        {{ storeops.parse_integer('quantity_raw') }} as quantity,
        {{ storeops.parse_money('refund_amount_raw') }} as refund_amount,
        {{ storeops.parse_timestamp('confirmed_at_raw') }} as confirmed_at,
        {{ storeops.parse_timestamp('shipped_at_raw') }} as shipped_at

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('goods_amount', '买家应付货款', 'money') }},
            {{ storeops.check_parsed('postage', '买家应付邮费', 'money') }},
            {{ storeops.check_parsed('total_amount', '总金额', 'money') }},
            {{ storeops.check_parsed('paid_amount', '买家实际支付金额', 'money') }},
            {{ storeops.check_parsed('created_at', '订单创建时间', 'timestamp') }},
            {{ storeops.check_parsed('paid_at', '订单付款时间', 'timestamp') }},
            {{ storeops.check_parsed('product_kinds', '宝贝种类', 'integer') }},
            {{ storeops.check_parsed('quantity', '宝贝总数量', 'integer') }},
            {{ storeops.check_parsed('refund_amount', '退款金额', 'money') }},
            {{ storeops.check_parsed('confirmed_at', '确认收货时间', 'timestamp') }},
            {{ storeops.check_parsed('shipped_at', '发货时间', 'timestamp') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('order_id', '订单编号') }},
            {{ storeops.check_required('total_amount', '总金额', 'total_amount_raw') }},
            {{ storeops.check_required('paid_amount', '买家实际支付金额', 'paid_amount_raw') }},
            {{ storeops.check_required('created_at', '订单创建时间', 'created_at_raw') }}
        ), '') as _missing_values

    from typed

),

classified as (

    select
        *,
        case
            when _parse_errors is not null then 'parse_error'
            when _missing_values is not null then 'missing_required'
        end as _reject_code,
        nullif(concat_ws('; ', _parse_errors, _missing_values), '') as _reject_reason

    from checked

),

versioned as (

    -- among good rows with the same natural key, the latest export wins
    select
        *,
        row_number() over latest_first as _version_rank,
        first_value(_file_path) over latest_first as _latest_file_path,
        first_value(_row_number) over latest_first as _latest_row_number

    from classified
    window latest_first as (
        partition by order_id, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

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

        -- timestamps
        created_at,
        paid_at,
        confirmed_at,
        shipped_at,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['order_id']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        -- the row's day for incremental builds (macros/incremental.sql); NULL for rejected rows
        case when _reject_code is null then cast(created_at as date) end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
