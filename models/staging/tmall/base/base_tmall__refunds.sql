-- Base model for tmall/refunds: every raw row, typed, with why it is rejected or superseded.
-- Refund export (退款报表), one row per refund request.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__refunds. Natural key: refund_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
with

source as (

    select * from {{ source('tmall', 'refunds') }}

),

renamed as (

    select
        -- ids
        {{ storeops.clean_text('"退款编号"') }} as refund_id,
        {{ storeops.clean_text('"订单编号"') }} as order_id,
        {{ storeops.clean_text('"买家会员名"') }} as buyer_nick,

        -- strings
        {{ storeops.clean_text('"宝贝标题"') }} as product_title,
        {{ storeops.clean_text('"退款状态"') }} as refund_status,
        {{ storeops.clean_text('"退款原因"') }} as refund_reason,
        {{ storeops.clean_text('"是否需要退货"') }} as needs_return,

        -- numerics (text until parsed in `typed`)
        {{ storeops.clean_text('"买家实际支付金额"') }} as paid_amount_raw,
        {{ storeops.clean_text('"买家退款金额"') }} as refund_amount_raw,

        -- timestamps (text until parsed in `typed`)
        {{ storeops.clean_text('"退款的申请时间"') }} as requested_at_raw,
        {{ storeops.clean_text('"退款完结时间"') }} as completed_at_raw,

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
        {{ storeops.parse_money('paid_amount_raw') }} as paid_amount,
        {{ storeops.parse_money('refund_amount_raw') }} as refund_amount,
        {{ storeops.parse_timestamp('requested_at_raw') }} as requested_at,
        {{ storeops.parse_timestamp('completed_at_raw') }} as completed_at

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_parsed('paid_amount', '买家实际支付金额', 'money') }},
            {{ storeops.check_parsed('refund_amount', '买家退款金额', 'money') }},
            {{ storeops.check_parsed('requested_at', '退款的申请时间', 'timestamp') }},
            {{ storeops.check_parsed('completed_at', '退款完结时间', 'timestamp') }}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; ',
            {{ storeops.check_required('refund_id', '退款编号') }},
            {{ storeops.check_required('order_id', '订单编号') }},
            {{ storeops.check_required('refund_amount', '买家退款金额', 'refund_amount_raw') }},
            {{ storeops.check_required('requested_at', '退款的申请时间', 'requested_at_raw') }},
            {{ storeops.check_required('refund_status', '退款状态') }}
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
        partition by refund_id, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        -- ids
        refund_id,
        order_id,
        buyer_nick,

        -- strings
        product_title,
        refund_status,
        refund_reason,
        needs_return,

        -- numerics
        paid_amount,
        refund_amount,

        -- timestamps
        requested_at,
        completed_at,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at,

        -- quality
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(['refund_id']) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row

    from versioned

)

select * from final
