-- P4P (外贸直通车) keyword report by day.
-- Good, latest rows of alibaba_com/p4p: one row per stat_date, campaign_name, keyword.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
with

base as (

    select * from {{ ref('base_alibaba_com__p4p') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

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
        _loaded_at

    from current_rows

)

select * from final
