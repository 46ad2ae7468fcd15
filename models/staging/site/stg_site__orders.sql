-- Own-shop order export, one row per order. Times are China Standard Time.
-- Good, latest rows of site/orders: one row per order_id.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
with

base as (

    select * from {{ ref('base_site__orders') }}

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
        user_pseudo_id,

        -- strings
        email,
        phone,
        status,
        currency,
        coupon_code,

        -- numerics
        total_amount,
        discount_amount,
        shipping_amount,
        refund_amount,
        item_count,

        -- booleans
        paid_at is not null as is_paid,

        -- timestamps
        created_at,
        paid_at,
        shipped_at,
        cast(created_at as date) as order_date,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
