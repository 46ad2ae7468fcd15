-- Base model for tmall/sycm_product_traffic: every raw row, typed, with why it is rejected or superseded.
-- Sycm daily product performance (生意参谋 商品效果), one row per day and product.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_product_traffic. Natural key: stat_date, product_id; latest version wins (highest
-- _file_seq, then _row_number).
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
    source('tmall', 'sycm_product_traffic'), storeops.parse_date(storeops.clean_text('"统计日期"'))
) %}

with

source as (

    select * from {{ source('tmall', 'sycm_product_traffic') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"商品ID"') }} as product_id,
        {{ storeops.clean_text('"主商品ID"') }} as main_product_id,
        {{ storeops.clean_text('"货号"') }} as item_number,

        -- strings
        {{ storeops.clean_text('"商品名称"') }} as product_name,
        {{ storeops.clean_text('"商品类型"') }} as product_type,
        {{ storeops.clean_text('"商品状态"') }} as product_status,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"商品访客数"') }} as product_visitors_raw,
        {{ storeops.clean_text('"商品浏览量"') }} as product_page_views_raw,
        {{ storeops.clean_text('"平均停留时长"') }} as avg_stay_seconds_raw,
        {{ storeops.clean_text('"商品详情页跳出率"') }} as detail_bounce_rate_raw,
        {{ storeops.clean_text('"商品收藏人数"') }} as favoriters_raw,
        {{ storeops.clean_text('"商品加购件数"') }} as cart_quantity_raw,
        {{ storeops.clean_text('"商品加购人数"') }} as cart_adders_raw,
        {{ storeops.clean_text('"下单买家数"') }} as ordering_buyers_raw,
        {{ storeops.clean_text('"下单件数"') }} as ordered_quantity_raw,
        {{ storeops.clean_text('"下单金额"') }} as ordered_amount_raw,
        {{ storeops.clean_text('"下单转化率"') }} as order_conversion_rate_raw,
        {{ storeops.clean_text('"支付买家数"') }} as paying_buyers_raw,
        {{ storeops.clean_text('"支付件数"') }} as paid_quantity_raw,
        {{ storeops.clean_text('"支付金额"') }} as paid_amount_raw,
        {{ storeops.clean_text('"商品支付转化率"') }} as payment_conversion_rate_raw,
        {{ storeops.clean_text('"支付新买家数"') }} as new_paying_buyers_raw,
        {{ storeops.clean_text('"支付老买家数"') }} as returning_paying_buyers_raw,
        {{ storeops.clean_text('"老买家支付金额"') }} as returning_buyer_amount_raw,
        {{ storeops.clean_text('"成功退款金额"') }} as refunded_amount_raw,
        {{ storeops.clean_text('"搜索引导访客数"') }} as search_visitors_raw,
        {{ storeops.clean_text('"搜索引导支付买家数"') }} as search_paying_buyers_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"统计日期"') }} as stat_date_raw,
        {{ storeops.clean_text('"商品发布时间"') }} as product_created_at_raw,

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
        {{ storeops.parse_date('product_created_at_raw') }} as product_created_at,
        {{ storeops.parse_integer('product_visitors_raw') }} as product_visitors,
        {{ storeops.parse_integer('product_page_views_raw') }} as product_page_views,
        {{ storeops.parse_decimal('avg_stay_seconds_raw') }} as avg_stay_seconds,
        {{ storeops.parse_percent('detail_bounce_rate_raw') }} as detail_bounce_rate,
        {{ storeops.parse_integer('favoriters_raw') }} as favoriters,
        {{ storeops.parse_integer('cart_quantity_raw') }} as cart_quantity,
        {{ storeops.parse_integer('cart_adders_raw') }} as cart_adders,
        {{ storeops.parse_integer('ordering_buyers_raw') }} as ordering_buyers,
        {{ storeops.parse_integer('ordered_quantity_raw') }} as ordered_quantity,
        {{ storeops.parse_money('ordered_amount_raw') }} as ordered_amount,
        {{ storeops.parse_percent('order_conversion_rate_raw') }} as order_conversion_rate,
        {{ storeops.parse_integer('paying_buyers_raw') }} as paying_buyers,
        {{ storeops.parse_integer('paid_quantity_raw') }} as paid_quantity,
        {{ storeops.parse_money('paid_amount_raw') }} as paid_amount,
        {{ storeops.parse_percent('payment_conversion_rate_raw') }} as payment_conversion_rate,
        {{ storeops.parse_integer('new_paying_buyers_raw') }} as new_paying_buyers,
        {{ storeops.parse_integer('returning_paying_buyers_raw') }} as returning_paying_buyers,
        {{ storeops.parse_money('returning_buyer_amount_raw') }} as returning_buyer_amount,
        {{ storeops.parse_money('refunded_amount_raw') }} as refunded_amount,
        {{ storeops.parse_integer('search_visitors_raw') }} as search_visitors,
        {{ storeops.parse_integer('search_paying_buyers_raw') }} as search_paying_buyers

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('stat_date', '统计日期', 'date') }},
            {{ storeops.check_parsed('product_created_at', '商品发布时间', 'date') }},
            {{ storeops.check_parsed('product_visitors', '商品访客数', 'integer') }},
            {{ storeops.check_parsed('product_page_views', '商品浏览量', 'integer') }},
            {{ storeops.check_parsed('avg_stay_seconds', '平均停留时长', 'decimal') }},
            {{ storeops.check_parsed('detail_bounce_rate', '商品详情页跳出率', 'percent') }},
            {{ storeops.check_parsed('favoriters', '商品收藏人数', 'integer') }},
            {{ storeops.check_parsed('cart_quantity', '商品加购件数', 'integer') }},
            {{ storeops.check_parsed('cart_adders', '商品加购人数', 'integer') }},
            {{ storeops.check_parsed('ordering_buyers', '下单买家数', 'integer') }},
            {{ storeops.check_parsed('ordered_quantity', '下单件数', 'integer') }},
            {{ storeops.check_parsed('ordered_amount', '下单金额', 'money') }},
            {{ storeops.check_parsed('order_conversion_rate', '下单转化率', 'percent') }},
            {{ storeops.check_parsed('paying_buyers', '支付买家数', 'integer') }},
            {{ storeops.check_parsed('paid_quantity', '支付件数', 'integer') }},
            {{ storeops.check_parsed('paid_amount', '支付金额', 'money') }},
            {{ storeops.check_parsed('payment_conversion_rate', '商品支付转化率', 'percent') }},
            {{ storeops.check_parsed('new_paying_buyers', '支付新买家数', 'integer') }},
            {{ storeops.check_parsed('returning_paying_buyers', '支付老买家数', 'integer') }},
            {{ storeops.check_parsed('returning_buyer_amount', '老买家支付金额', 'money') }},
            {{ storeops.check_parsed('refunded_amount', '成功退款金额', 'money') }},
            {{ storeops.check_parsed('search_visitors', '搜索引导访客数', 'integer') }},
            {{ storeops.check_parsed('search_paying_buyers', '搜索引导支付买家数', 'integer') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '统计日期', 'stat_date_raw') }},
            {{ storeops.check_required('product_id', '商品ID') }},
            {{ storeops.check_required('product_visitors', '商品访客数', 'product_visitors_raw') }},
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
        partition by stat_date, product_id, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

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
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['stat_date', 'product_id']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        -- the row's day for incremental builds (macros/incremental.sql); NULL for rejected rows
        case when _reject_code is null then stat_date end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
