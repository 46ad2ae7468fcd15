-- Base model for generic/orders: every raw row, typed, with why it is rejected or superseded.
-- Generic order export, one row per order.
-- Times are read as given, naive, in whatever zone the source used; amounts are in `currency`.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__orders. Natural key: order_id; latest version wins (highest _file_seq, then _row_number).
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
    source('generic', 'orders'), 'cast(' ~ storeops.parse_timestamp(storeops.clean_text('"ordered_at"')) ~ ' as date)'
) %}

with

source as (

    select * from {{ source('generic', 'orders') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"order_id"') }} as order_id,
        {{ storeops.clean_text('"customer_id"') }} as customer_id,
        {{ storeops.clean_text('"product_id"') }} as product_id,
        {{ storeops.clean_text('"store_id"') }} as store_id,

        -- strings
        {{ storeops.clean_text('"status"') }} as status,
        {{ storeops.clean_text('"channel"') }} as channel,
        {{ storeops.clean_text('"currency"') }} as currency,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"amount"') }} as amount_raw,
        {{ storeops.clean_text('"refund_amount"') }} as refund_amount_raw,
        {{ storeops.clean_text('"quantity"') }} as quantity_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"ordered_at"') }} as ordered_at_raw,
        {{ storeops.clean_text('"paid_at"') }} as paid_at_raw,

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
        {{ storeops.parse_timestamp('ordered_at_raw') }} as ordered_at,
        {{ storeops.parse_decimal('amount_raw', storeops.type_money()) }} as amount,
        {{ storeops.parse_timestamp('paid_at_raw') }} as paid_at,
        {{ storeops.parse_decimal('refund_amount_raw', storeops.type_money()) }} as refund_amount,
        {{ storeops.parse_integer('quantity_raw') }} as quantity

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('ordered_at', 'ordered_at', 'timestamp') }},
            {{ storeops.check_parsed('amount', 'amount', 'decimal_money') }},
            {{ storeops.check_parsed('paid_at', 'paid_at', 'timestamp') }},
            {{ storeops.check_parsed('refund_amount', 'refund_amount', 'decimal_money') }},
            {{ storeops.check_parsed('quantity', 'quantity', 'integer') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('order_id', 'order_id') }},
            {{ storeops.check_required('customer_id', 'customer_id') }},
            {{ storeops.check_required('ordered_at', 'ordered_at', 'ordered_at_raw') }},
            {{ storeops.check_required('amount', 'amount', 'amount_raw') }}
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
        product_id,
        store_id,

        -- strings
        status,
        channel,
        currency,

        -- numerics
        amount,
        refund_amount,
        quantity,

        -- timestamps
        ordered_at,
        paid_at,

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
        case when _reject_code is null then cast(ordered_at as date) end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
