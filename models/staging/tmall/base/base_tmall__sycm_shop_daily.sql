-- Base model for tmall/sycm_shop_daily: every raw row, typed, with why it is rejected or superseded.
-- Sycm shop overview by day (生意参谋 店铺整体), the platform's own distinct counts for the whole shop.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_shop_daily. Natural key: stat_date; latest version wins (highest _file_seq, then
-- _row_number).
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
    source('tmall', 'sycm_shop_daily'), storeops.parse_date(storeops.clean_text('"统计日期"'))
) %}

with

source as (

    select * from {{ source('tmall', 'sycm_shop_daily') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"访客数"') }} as visitors_raw,
        {{ storeops.clean_text('"浏览量"') }} as page_views_raw,
        {{ storeops.clean_text('"商品访客数"') }} as product_viewers_raw,
        {{ storeops.clean_text('"加购人数"') }} as cart_adders_raw,
        {{ storeops.clean_text('"下单买家数"') }} as ordering_buyers_raw,
        {{ storeops.clean_text('"支付买家数"') }} as paying_buyers_raw,
        {{ storeops.clean_text('"支付子订单数"') }} as paid_orders_raw,
        {{ storeops.clean_text('"支付金额"') }} as paid_amount_raw,
        {{ storeops.clean_text('"支付转化率"') }} as payment_conversion_rate_raw,
        {{ storeops.clean_text('"客单价"') }} as average_order_value_raw,
        {{ storeops.clean_text('"成功退款金额"') }} as refunded_amount_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"统计日期"') }} as stat_date_raw,

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
        {{ storeops.parse_date('stat_date_raw') }} as stat_date,
        {{ storeops.parse_integer('visitors_raw') }} as visitors,
        {{ storeops.parse_integer('page_views_raw') }} as page_views,
        {{ storeops.parse_integer('product_viewers_raw') }} as product_viewers,
        {{ storeops.parse_integer('cart_adders_raw') }} as cart_adders,
        {{ storeops.parse_integer('ordering_buyers_raw') }} as ordering_buyers,
        {{ storeops.parse_integer('paying_buyers_raw') }} as paying_buyers,
        {{ storeops.parse_integer('paid_orders_raw') }} as paid_orders,
        {{ storeops.parse_money('paid_amount_raw') }} as paid_amount,
        {{ storeops.parse_percent('payment_conversion_rate_raw') }} as payment_conversion_rate,
        {{ storeops.parse_money('average_order_value_raw') }} as average_order_value,
        {{ storeops.parse_money('refunded_amount_raw') }} as refunded_amount

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('stat_date', '统计日期', 'date') }},
            {{ storeops.check_parsed('visitors', '访客数', 'integer') }},
            {{ storeops.check_parsed('page_views', '浏览量', 'integer') }},
            {{ storeops.check_parsed('product_viewers', '商品访客数', 'integer') }},
            {{ storeops.check_parsed('cart_adders', '加购人数', 'integer') }},
            {{ storeops.check_parsed('ordering_buyers', '下单买家数', 'integer') }},
            {{ storeops.check_parsed('paying_buyers', '支付买家数', 'integer') }},
            {{ storeops.check_parsed('paid_orders', '支付子订单数', 'integer') }},
            {{ storeops.check_parsed('paid_amount', '支付金额', 'money') }},
            {{ storeops.check_parsed('payment_conversion_rate', '支付转化率', 'percent') }},
            {{ storeops.check_parsed('average_order_value', '客单价', 'money') }},
            {{ storeops.check_parsed('refunded_amount', '成功退款金额', 'money') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '统计日期', 'stat_date_raw') }},
            {{ storeops.check_required('visitors', '访客数', 'visitors_raw') }},
            {{ storeops.check_required('paying_buyers', '支付买家数', 'paying_buyers_raw') }},
            {{ storeops.check_required('paid_amount', '支付金额', 'paid_amount_raw') }}
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
        partition by stat_date, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

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
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['stat_date']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        -- the row's day for incremental builds (macros/incremental.sql); NULL for rejected rows
        case when _reject_code is null then stat_date end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
