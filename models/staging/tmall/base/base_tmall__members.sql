-- Base model for tmall/members: every raw row, typed, with why it is rejected or superseded.
-- Member export (会员列表), one row per member as of the export.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__members. Natural key: buyer_nick; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
with

source as (

    select * from {{ source('tmall', 'members') }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"会员名"') }} as buyer_nick,

        -- strings
        {{ storeops.clean_text('"手机号"') }} as mobile,
        {{ storeops.clean_text('"会员等级"') }} as member_level,
        {{ storeops.clean_text('"省份"') }} as province,
        {{ storeops.clean_text('"入会渠道"') }} as join_channel,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"积分"') }} as points_raw,
        {{ storeops.clean_text('"累计购买次数"') }} as lifetime_orders_raw,
        {{ storeops.clean_text('"累计消费金额"') }} as lifetime_amount_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"入会时间"') }} as joined_at_raw,
        {{ storeops.clean_text('"最近购买时间"') }} as last_purchase_at_raw,

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
        {{ storeops.parse_timestamp('joined_at_raw') }} as joined_at,
        {{ storeops.parse_integer('points_raw') }} as points,
        {{ storeops.parse_integer('lifetime_orders_raw') }} as lifetime_orders,
        {{ storeops.parse_money('lifetime_amount_raw') }} as lifetime_amount,
        {{ storeops.parse_timestamp('last_purchase_at_raw') }} as last_purchase_at

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('joined_at', '入会时间', 'timestamp') }},
            {{ storeops.check_parsed('points', '积分', 'integer') }},
            {{ storeops.check_parsed('lifetime_orders', '累计购买次数', 'integer') }},
            {{ storeops.check_parsed('lifetime_amount', '累计消费金额', 'money') }},
            {{ storeops.check_parsed('last_purchase_at', '最近购买时间', 'timestamp') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('buyer_nick', '会员名') }},
            {{ storeops.check_required('joined_at', '入会时间', 'joined_at_raw') }}
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
        partition by buyer_nick, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- ids
        buyer_nick,

        -- strings
        mobile,
        member_level,
        province,
        join_channel,

        -- numerics
        points,
        lifetime_orders,
        lifetime_amount,

        -- timestamps
        joined_at,
        last_purchase_at,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['buyer_nick']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row

    from versioned

)

select * from final
