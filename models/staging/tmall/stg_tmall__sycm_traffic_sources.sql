-- Sycm traffic sources by day (生意参谋 流量来源), one row per day, source and source detail.
-- Good, latest rows of tmall/sycm_traffic_sources: one row per stat_date, traffic_source, source_detail.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__sycm_traffic_sources') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        _loaded_at

    from current_rows

)

select * from final
