-- One row per calendar day on which any staged export has a row (the export's own day: China time for
-- Tmall, the own shop and Made-in-China.com, US Pacific for Alibaba.com): the span int_calendar_days covers.
with

export_days as (

    select stat_date as calendar_date from {{ ref('stg_tmall__sycm_shop_daily') }}
    union all
    select cast(created_at as date) from {{ ref('stg_tmall__orders') }}
    union all
    select stat_date from {{ ref('int_b2b_product_performance') }}
    union all
    select event_date from {{ ref('stg_site__events') }}
    union all
    select cast(created_at as date) from {{ ref('stg_site__orders') }}
    union all
    select cast(ordered_at as date) from {{ ref('stg_generic__orders') }}

),

final as (

    select distinct calendar_date
    from export_days
    where calendar_date is not null

)

select * from final
