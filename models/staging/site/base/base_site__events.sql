-- Base model for site/events: every raw row, typed, with why it is rejected or superseded.
-- GA4-shaped event export, one row per event. event_timestamp is UTC microseconds; event_date is the shop's
-- day (China time).
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_site__events. Natural key: event_id; latest version wins (highest _file_seq, then _row_number).
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
    source('site', 'events'), storeops.parse_date(storeops.clean_text('"event_date"'))
) %}

with

source as (

    select * from {{ source('site', 'events') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"event_id"') }} as event_id,
        {{ storeops.clean_text('"user_pseudo_id"') }} as user_pseudo_id,
        {{ storeops.clean_text('"ga_session_id"') }} as ga_session_id,
        {{ storeops.clean_text('"items.item_id"') }} as item_id,
        {{ storeops.clean_text('"ecommerce.transaction_id"') }} as transaction_id,

        -- strings
        {{ storeops.clean_text('"event_name"') }} as event_name,
        {{ storeops.clean_text('"page_location"') }} as page_location,
        {{ storeops.clean_text('"traffic_source.source"') }} as first_source,
        {{ storeops.clean_text('"traffic_source.medium"') }} as first_medium,
        {{ storeops.clean_text('"traffic_source.name"') }} as first_campaign,
        {{ storeops.clean_text('"collected_traffic_source.manual_source"') }} as source,
        {{ storeops.clean_text('"collected_traffic_source.manual_medium"') }} as medium,
        {{ storeops.clean_text('"collected_traffic_source.manual_campaign_name"') }} as campaign,
        {{ storeops.clean_text('"device.category"') }} as device_category,
        {{ storeops.clean_text('"items.item_name"') }} as item_name,
        {{ storeops.clean_text('"experiment_variant"') }} as experiment_variant,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"items.price"') }} as item_price_raw,
        {{ storeops.clean_text('"items.quantity"') }} as item_quantity_raw,
        {{ storeops.clean_text('"ecommerce.purchase_revenue"') }} as purchase_revenue_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"event_date"') }} as event_date_raw,
        {{ storeops.clean_text('"event_timestamp"') }} as event_timestamp_raw,

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
        {{ storeops.parse_date('event_date_raw') }} as event_date,
        {{ storeops.parse_epoch_us('event_timestamp_raw') }} as event_timestamp,
        {{ storeops.parse_decimal('item_price_raw', storeops.type_money()) }} as item_price,
        {{ storeops.parse_integer('item_quantity_raw') }} as item_quantity,
        {{ storeops.parse_decimal('purchase_revenue_raw', storeops.type_money()) }} as purchase_revenue

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('event_date', 'event_date', 'date') }},
            {{ storeops.check_parsed('event_timestamp', 'event_timestamp', 'epoch_us') }},
            {{ storeops.check_parsed('item_price', 'items.price', 'decimal_money') }},
            {{ storeops.check_parsed('item_quantity', 'items.quantity', 'integer') }},
            {{ storeops.check_parsed('purchase_revenue', 'ecommerce.purchase_revenue', 'decimal_money') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('event_id', 'event_id') }},
            {{ storeops.check_required('event_date', 'event_date', 'event_date_raw') }},
            {{ storeops.check_required('event_timestamp', 'event_timestamp', 'event_timestamp_raw') }},
            {{ storeops.check_required('event_name', 'event_name') }},
            {{ storeops.check_required('user_pseudo_id', 'user_pseudo_id') }}
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
        partition by event_id, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- ids
        event_id,
        user_pseudo_id,
        ga_session_id,
        item_id,
        transaction_id,

        -- strings
        event_name,
        page_location,
        first_source,
        first_medium,
        first_campaign,
        source,
        medium,
        campaign,
        device_category,
        item_name,
        experiment_variant,

        -- numerics
        item_price,
        item_quantity,
        purchase_revenue,

        -- timestamps
        event_date,
        event_timestamp,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['event_id']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        -- the row's day for incremental builds (macros/incremental.sql); NULL for rejected rows
        case when _reject_code is null then event_date end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
