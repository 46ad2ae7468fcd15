-- Base model for tmall/zhitongche: every raw row, typed, with why it is rejected or superseded.
-- Zhitongche (直通车) paid-search report by day, plan and item; Wanxiangtai (万相台) headers accepted as aliases.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__zhitongche. Natural key: stat_date, campaign_name, unit_name; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
with

source as (

    select * from {{ source('tmall', 'zhitongche') }}

),

renamed as (

    select
        -- strings
        {{ storeops.clean_text('"推广计划"') }} as campaign_name,
        {{ storeops.clean_text('"宝贝名称"') }} as unit_name,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"展现量"') }} as impressions_raw,
        {{ storeops.clean_text('"点击量"') }} as clicks_raw,
        {{ storeops.clean_text('"点击率"') }} as ctr_raw,
        {{ storeops.clean_text('"花费"') }} as spend_raw,
        {{ storeops.clean_text('"平均点击花费"') }} as cpc_raw,
        {{ storeops.clean_text('"千次展现花费"') }} as cpm_raw,
        {{ storeops.clean_text('"直接成交金额"') }} as direct_gmv_raw,
        {{ storeops.clean_text('"直接成交笔数"') }} as direct_orders_raw,
        {{ storeops.clean_text('"间接成交金额"') }} as indirect_gmv_raw,
        {{ storeops.clean_text('"间接成交笔数"') }} as indirect_orders_raw,
        {{ storeops.clean_text('"总成交金额"') }} as total_gmv_raw,
        {{ storeops.clean_text('"总成交笔数"') }} as total_orders_raw,
        {{ storeops.clean_text('"投入产出比"') }} as roas_raw,
        {{ storeops.clean_text('"点击转化率"') }} as click_conversion_rate_raw,
        {{ storeops.clean_text('"总收藏数"') }} as favorites_raw,
        {{ storeops.clean_text('"总购物车数"') }} as carts_raw,

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
        {{ storeops.parse_money('cpc_raw') }} as cpc,
        {{ storeops.parse_money('cpm_raw') }} as cpm,
        {{ storeops.parse_money('direct_gmv_raw') }} as direct_gmv,
        {{ storeops.parse_integer('direct_orders_raw') }} as direct_orders,
        {{ storeops.parse_money('indirect_gmv_raw') }} as indirect_gmv,
        {{ storeops.parse_integer('indirect_orders_raw') }} as indirect_orders,
        {{ storeops.parse_money('total_gmv_raw') }} as total_gmv,
        {{ storeops.parse_integer('total_orders_raw') }} as total_orders,
        {{ storeops.parse_decimal('roas_raw') }} as roas,
        {{ storeops.parse_percent('click_conversion_rate_raw') }} as click_conversion_rate,
        {{ storeops.parse_integer('favorites_raw') }} as favorites,
        {{ storeops.parse_integer('carts_raw') }} as carts

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('stat_date', '日期', 'date') }},
            {{ storeops.check_parsed('impressions', '展现量', 'integer') }},
            {{ storeops.check_parsed('clicks', '点击量', 'integer') }},
            {{ storeops.check_parsed('ctr', '点击率', 'percent') }},
            {{ storeops.check_parsed('spend', '花费', 'money') }},
            {{ storeops.check_parsed('cpc', '平均点击花费', 'money') }},
            {{ storeops.check_parsed('cpm', '千次展现花费', 'money') }},
            {{ storeops.check_parsed('direct_gmv', '直接成交金额', 'money') }},
            {{ storeops.check_parsed('direct_orders', '直接成交笔数', 'integer') }},
            {{ storeops.check_parsed('indirect_gmv', '间接成交金额', 'money') }},
            {{ storeops.check_parsed('indirect_orders', '间接成交笔数', 'integer') }},
            {{ storeops.check_parsed('total_gmv', '总成交金额', 'money') }},
            {{ storeops.check_parsed('total_orders', '总成交笔数', 'integer') }},
            {{ storeops.check_parsed('roas', '投入产出比', 'decimal') }},
            {{ storeops.check_parsed('click_conversion_rate', '点击转化率', 'percent') }},
            {{ storeops.check_parsed('favorites', '总收藏数', 'integer') }},
            {{ storeops.check_parsed('carts', '总购物车数', 'integer') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('stat_date', '日期', 'stat_date_raw') }},
            {{ storeops.check_required('campaign_name', '推广计划') }},
            {{ storeops.check_required('impressions', '展现量', 'impressions_raw') }},
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
        partition by stat_date, campaign_name, unit_name, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- strings
        campaign_name,
        unit_name,

        -- numerics
        impressions,
        clicks,
        ctr,
        spend,
        cpc,
        cpm,
        direct_gmv,
        direct_orders,
        indirect_gmv,
        indirect_orders,
        total_gmv,
        total_orders,
        roas,
        click_conversion_rate,
        favorites,
        carts,

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
        {{ storeops.natural_key_text(['stat_date', 'campaign_name', 'unit_name']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row

    from versioned

)

select * from final
