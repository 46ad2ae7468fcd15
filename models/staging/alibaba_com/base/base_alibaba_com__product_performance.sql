-- Base model for alibaba_com/product_performance: every raw row, typed, with why it is rejected or
-- superseded.
-- Product performance by day, one row per day and product.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_alibaba_com__product_performance. Natural key: stat_date, product_id; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
with

source as (

    select * from {{ source('alibaba_com', 'product_performance') }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"产品ID"') }} as product_id,

        -- strings
        {{ storeops.clean_text('"产品名称"') }} as product_name,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"曝光量"') }} as exposures_raw,
        {{ storeops.clean_text('"点击量"') }} as clicks_raw,
        {{ storeops.clean_text('"点击率"') }} as ctr_raw,
        {{ storeops.clean_text('"访客数"') }} as visitors_raw,
        {{ storeops.clean_text('"反馈数"') }} as inquiries_raw,
        {{ storeops.clean_text('"产品星级"') }} as star_rating_raw,
        {{ storeops.clean_text('"图片数"') }} as image_count_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"统计日期"') }} as stat_date_raw,
        {{ storeops.clean_text('"发布时间"') }} as product_created_at_raw,

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
        {{ storeops.parse_integer('exposures_raw') }} as exposures,
        {{ storeops.parse_integer('clicks_raw') }} as clicks,
        {{ storeops.parse_percent('ctr_raw') }} as ctr,
        {{ storeops.parse_integer('visitors_raw') }} as visitors,
        {{ storeops.parse_integer('inquiries_raw') }} as inquiries,
        {{ storeops.parse_decimal('star_rating_raw') }} as star_rating,
        {{ storeops.parse_integer('image_count_raw') }} as image_count

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('stat_date', '统计日期', 'date') }},
            {{ storeops.check_parsed('product_created_at', '发布时间', 'date') }},
            {{ storeops.check_parsed('exposures', '曝光量', 'integer') }},
            {{ storeops.check_parsed('clicks', '点击量', 'integer') }},
            {{ storeops.check_parsed('ctr', '点击率', 'percent') }},
            {{ storeops.check_parsed('visitors', '访客数', 'integer') }},
            {{ storeops.check_parsed('inquiries', '反馈数', 'integer') }},
            {{ storeops.check_parsed('star_rating', '产品星级', 'decimal') }},
            {{ storeops.check_parsed('image_count', '图片数', 'integer') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '统计日期', 'stat_date_raw') }},
            {{ storeops.check_required('product_id', '产品ID') }},
            {{ storeops.check_required('exposures', '曝光量', 'exposures_raw') }},
            {{ storeops.check_required('clicks', '点击量', 'clicks_raw') }},
            {{ storeops.check_required('visitors', '访客数', 'visitors_raw') }},
            {{ storeops.check_required('inquiries', '反馈数', 'inquiries_raw') }}
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

        -- strings
        product_name,

        -- numerics
        exposures,
        clicks,
        ctr,
        visitors,
        inquiries,
        star_rating,
        image_count,

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
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row

    from versioned

)

select * from final
