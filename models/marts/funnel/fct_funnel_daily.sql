-- One row per day, platform, store and channel: the funnel steps each platform reports (NULL where it
-- reports none) and the rates, each computed here once from the counts of the row (safe_divide: NULL
-- when the denominator is 0 or NULL). Roll-ups: see _funnel__models.yml.
with

counts as (

    select * from {{ ref('int_funnel_daily_counts') }}

),

final as (

    select
        -- keys
        stat_date,
        platform,
        store_id,
        channel,

        -- numerics: counts
        exposures,
        clicks,
        visitors,
        page_views,
        product_viewers,
        cart_adders,
        ordering_buyers,
        paying_buyers,
        paid_orders,
        inquiries,
        gmv,
        net_gmv,

        -- numerics: rates (ratio of the row's counts)
        {{ funnel_rates() }},

        -- booleans
        visitors_is_distinct_count

    from counts

)

select * from final
