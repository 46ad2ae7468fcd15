-- Member export (会员列表), one row per member as of the export.
-- Good, latest rows of tmall/members: one row per buyer_nick.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__members') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        _loaded_at

    from current_rows

)

select * from final
