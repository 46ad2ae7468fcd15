-- Product performance by day, one row per day and product.
-- Good, latest rows of alibaba_com/product_performance: one row per stat_date, product_id.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
with

base as (

    select * from {{ ref('base_alibaba_com__product_performance') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

),

final as (

    select
        -- ids
        product_id,

        -- strings
        product_name,

        -- numerics
        exposures,
        clicks,
        ctr,
        visitors,
        inquiries,
        star_rating,
        image_count,

        -- timestamps
        stat_date,
        product_created_at,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
