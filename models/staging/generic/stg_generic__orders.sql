-- Generic order export, one row per order.
-- Good, latest rows of generic/orders: one row per order_id.
-- Times are read as given, naive, in whatever zone the source used; amounts are in `currency`.
with

base as (

    select * from {{ ref('base_generic__orders') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        cast(ordered_at as date) as order_date,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
