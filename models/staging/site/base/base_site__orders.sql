-- Base model for site/orders: every raw row, typed, with why it is rejected or superseded.
-- Own-shop order export, one row per order. Times are China Standard Time.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_site__orders. Natural key: order_id; latest version wins (highest _file_seq, then _row_number).
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
    source('site', 'orders'), 'cast(' ~ storeops.parse_timestamp(storeops.clean_text('"created_at"')) ~ ' as date)'
) %}

with

source as (

    select * from {{ source('site', 'orders') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"order_id"') }} as order_id,
        {{ storeops.clean_text('"customer_id"') }} as customer_id,
        {{ storeops.clean_text('"user_pseudo_id"') }} as user_pseudo_id,

        -- strings
        {{ storeops.clean_text('"email"') }} as email,
        {{ storeops.clean_text('"phone"') }} as phone,
        {{ storeops.clean_text('"status"') }} as status,
        {{ storeops.clean_text('"currency"') }} as currency,
        {{ storeops.clean_text('"coupon_code"') }} as coupon_code,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"total_amount"') }} as total_amount_raw,
        {{ storeops.clean_text('"discount_amount"') }} as discount_amount_raw,
        {{ storeops.clean_text('"shipping_amount"') }} as shipping_amount_raw,
        {{ storeops.clean_text('"refund_amount"') }} as refund_amount_raw,
        {{ storeops.clean_text('"item_count"') }} as item_count_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"created_at"') }} as created_at_raw,
        {{ storeops.clean_text('"paid_at"') }} as paid_at_raw,
        {{ storeops.clean_text('"shipped_at"') }} as shipped_at_raw,

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
        {{ storeops.parse_timestamp('created_at_raw') }} as created_at,
        {{ storeops.parse_timestamp('paid_at_raw') }} as paid_at,
        {{ storeops.parse_decimal('total_amount_raw', storeops.type_money()) }} as total_amount,
        {{ storeops.parse_decimal('discount_amount_raw', storeops.type_money()) }} as discount_amount,
        {{ storeops.parse_decimal('shipping_amount_raw', storeops.type_money()) }} as shipping_amount,
        {{ storeops.parse_decimal('refund_amount_raw', storeops.type_money()) }} as refund_amount,
        {{ storeops.parse_integer('item_count_raw') }} as item_count,
        {{ storeops.parse_timestamp('shipped_at_raw') }} as shipped_at

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('created_at', 'created_at', 'timestamp') }},
            {{ storeops.check_parsed('paid_at', 'paid_at', 'timestamp') }},
            {{ storeops.check_parsed('total_amount', 'total_amount', 'decimal_money') }},
            {{ storeops.check_parsed('discount_amount', 'discount_amount', 'decimal_money') }},
            {{ storeops.check_parsed('shipping_amount', 'shipping_amount', 'decimal_money') }},
            {{ storeops.check_parsed('refund_amount', 'refund_amount', 'decimal_money') }},
            {{ storeops.check_parsed('item_count', 'item_count', 'integer') }},
            {{ storeops.check_parsed('shipped_at', 'shipped_at', 'timestamp') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('order_id', 'order_id') }},
            {{ storeops.check_required('customer_id', 'customer_id') }},
            {{ storeops.check_required('created_at', 'created_at', 'created_at_raw') }},
            {{ storeops.check_required('status', 'status') }},
            {{ storeops.check_required('total_amount', 'total_amount', 'total_amount_raw') }}
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
        customer_id,
        user_pseudo_id,

        -- strings
        email,
        phone,
        status,
        currency,
        coupon_code,

        -- numerics
        total_amount,
        discount_amount,
        shipping_amount,
        refund_amount,
        item_count,

        -- timestamps
        created_at,
        paid_at,
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
