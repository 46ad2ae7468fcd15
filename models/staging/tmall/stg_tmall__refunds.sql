-- Refund export (退款报表), one row per refund request.
-- Good, latest rows of tmall/refunds: one row per refund_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__refunds') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        _loaded_at

    from current_rows

)

select * from final
