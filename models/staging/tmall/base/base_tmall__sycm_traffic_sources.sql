-- Base model for tmall/sycm_traffic_sources: every raw row, typed, with why it is rejected or superseded.
-- Sycm traffic sources by day (生意参谋 流量来源), one row per day, source and source detail.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_traffic_sources. Natural key: stat_date, traffic_source, source_detail; latest version wins
-- (highest _file_seq, then _row_number).
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
    source('tmall', 'sycm_traffic_sources'), storeops.parse_date(storeops.clean_text('"统计日期"'))
) %}

with

source as (

    select * from {{ source('tmall', 'sycm_traffic_sources') }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        -- strings
        {{ storeops.clean_text('"流量来源"') }} as traffic_source,
        {{ storeops.clean_text('"来源明细"') }} as source_detail,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"访客数"') }} as visitors_raw,
        {{ storeops.clean_text('"浏览量"') }} as page_views_raw,
        {{ storeops.clean_text('"加购人数"') }} as cart_adders_raw,
        {{ storeops.clean_text('"下单买家数"') }} as ordering_buyers_raw,
        {{ storeops.clean_text('"支付买家数"') }} as paying_buyers_raw,
        {{ storeops.clean_text('"支付金额"') }} as paid_amount_raw,
        {{ storeops.clean_text('"支付转化率"') }} as payment_conversion_rate_raw,

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
        {{ storeops.parse_integer('cart_adders_raw') }} as cart_adders,
        {{ storeops.parse_integer('ordering_buyers_raw') }} as ordering_buyers,
        {{ storeops.parse_integer('paying_buyers_raw') }} as paying_buyers,
        {{ storeops.parse_money('paid_amount_raw') }} as paid_amount,
        {{ storeops.parse_percent('payment_conversion_rate_raw') }} as payment_conversion_rate

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
            {{ storeops.check_parsed('cart_adders', '加购人数', 'integer') }},
            {{ storeops.check_parsed('ordering_buyers', '下单买家数', 'integer') }},
            {{ storeops.check_parsed('paying_buyers', '支付买家数', 'integer') }},
            {{ storeops.check_parsed('paid_amount', '支付金额', 'money') }},
            {{ storeops.check_parsed('payment_conversion_rate', '支付转化率', 'percent') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '统计日期', 'stat_date_raw') }},
            {{ storeops.check_required('traffic_source', '流量来源') }},
            {{ storeops.check_required('visitors', '访客数', 'visitors_raw') }}
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
        partition by stat_date, traffic_source, source_detail, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- strings
        traffic_source,
        source_detail,

        -- numerics
        visitors,
        page_views,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_amount,
        payment_conversion_rate,

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
        {{ storeops.natural_key_text(['stat_date', 'traffic_source', 'source_detail']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        -- the row's day for incremental builds (macros/incremental.sql); NULL for rejected rows
        case when _reject_code is null then stat_date end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
