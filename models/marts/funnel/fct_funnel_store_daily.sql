-- One row per day, platform and store, all channels together. Distinct counts are the platform's own
-- daily totals (Sycm shop overview) or distinct recounts over the day's events and orders, never a sum
-- over the channel rows of fct_funnel_daily. Rates are computed here once from the row's counts.
with

counts as (

    select * from {{ ref('int_funnel_store_daily_counts') }}

),

final as (

    select
        -- keys
        stat_date,
        platform,
        store_id,

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
        {{ funnel_rates() }}

    from counts

)

select * from final
