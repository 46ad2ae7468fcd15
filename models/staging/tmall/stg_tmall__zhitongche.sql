-- Zhitongche (直通车) paid-search report by day, plan and item; Wanxiangtai (万相台) headers accepted as aliases.
-- Good, latest rows of tmall/zhitongche: one row per stat_date, campaign_name, unit_name.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
with

base as (

    select * from {{ ref('base_tmall__zhitongche') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        _loaded_at

    from current_rows

)

select * from final
