-- Base model for alibaba_com/p4p: every raw row, typed, with why it is rejected or superseded.
-- P4P (外贸直通车) keyword report by day.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_alibaba_com__p4p. Natural key: stat_date, campaign_name, keyword; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
with

source as (

    select * from {{ source('alibaba_com', 'p4p') }}

),

renamed as (

    select
        -- strings
        {{ storeops.clean_text('"推广计划"') }} as campaign_name,
        {{ storeops.clean_text('"关键词"') }} as keyword,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"曝光量"') }} as impressions_raw,
        {{ storeops.clean_text('"点击量"') }} as clicks_raw,
        {{ storeops.clean_text('"点击率"') }} as ctr_raw,
        {{ storeops.clean_text('"花费"') }} as spend_raw,
        {{ storeops.clean_text('"平均点击花费"') }} as cpc_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"日期"') }} as stat_date_raw,

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
        {{ storeops.parse_integer('impressions_raw') }} as impressions,
        {{ storeops.parse_integer('clicks_raw') }} as clicks,
        {{ storeops.parse_percent('ctr_raw') }} as ctr,
        {{ storeops.parse_money('spend_raw') }} as spend,
        {{ storeops.parse_money('cpc_raw') }} as cpc

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('stat_date', '日期', 'date') }},
            {{ storeops.check_parsed('impressions', '曝光量', 'integer') }},
            {{ storeops.check_parsed('clicks', '点击量', 'integer') }},
            {{ storeops.check_parsed('ctr', '点击率', 'percent') }},
            {{ storeops.check_parsed('spend', '花费', 'money') }},
            {{ storeops.check_parsed('cpc', '平均点击花费', 'money') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '日期', 'stat_date_raw') }},
            {{ storeops.check_required('campaign_name', '推广计划') }},
            {{ storeops.check_required('keyword', '关键词') }},
            {{ storeops.check_required('impressions', '曝光量', 'impressions_raw') }},
            {{ storeops.check_required('clicks', '点击量', 'clicks_raw') }},
            {{ storeops.check_required('spend', '花费', 'spend_raw') }}
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
        partition by stat_date, campaign_name, keyword, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- strings
        campaign_name,
        keyword,

        -- numerics
        impressions,
        clicks,
        ctr,
        spend,
        cpc,

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
        {{ storeops.natural_key_text(['stat_date', 'campaign_name', 'keyword']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row

    from versioned

)

select * from final
