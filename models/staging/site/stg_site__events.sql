-- GA4-shaped event export, one row per event. event_timestamp is UTC microseconds; event_date is the shop's
-- day (China time).
-- Good, latest rows of site/events: one row per event_id.
-- event_timestamp is UTC (from epoch microseconds); event_date and order times are China Standard Time
-- (UTC+8), naive.
with

base as (

    select * from {{ ref('base_site__events') }}

),

current_rows as (

    select * from base
    where _reject_code is null and _superseded_by is null

),

final as (

    select
        -- ids
        event_id,
        user_pseudo_id,
        ga_session_id,
        item_id,
        transaction_id,

        -- strings
        event_name,
        page_location,
        first_source,
        first_medium,
        first_campaign,
        source,
        medium,
        campaign,
        device_category,
        item_name,
        experiment_variant,

        -- numerics
        item_price,
        item_quantity,
        purchase_revenue,

        -- timestamps
        event_date,
        event_timestamp,

        -- lineage
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from current_rows

)

select * from final
