-- One row per platform, store, weekday and member-day flag: the shop's weekly rhythm (the Wednesday
-- trough, the member-day effect). Built on fct_funnel_store_daily's daily totals over ordinary days:
-- the platform's campaign days (618, Double 11, a theme week: every non-recurring campaign phase of the
-- campaign calendar, int_calendar_days) are left out, so they do not swamp the weekday they fall on; member
-- days are the platform's (DECISIONLOG K6). Averages are means of daily values; rates divide sums of
-- daily values (named `*_over_days` where those are distinct counts); an index is the weekday's daily
-- mean over the mean of every ordinary day (1 = average).
with

daily as (

    select * from {{ ref('fct_funnel_store_daily') }}

),

calendar as (

    select * from {{ ref('int_calendar_days') }}

),

ordinary_days as (

    select
        daily.platform,
        daily.store_id,
        daily.exposures,
        daily.clicks,
        daily.visitors,
        daily.cart_adders,
        daily.paying_buyers,
        daily.paid_orders,
        daily.inquiries,
        daily.gmv,
        calendar.iso_weekday,
        calendar.weekday_name,
        calendar.is_member_day

    from daily
    inner join calendar
        on daily.platform = calendar.platform and daily.stat_date = calendar.calendar_date
    where calendar.campaign_phase is null

),

by_weekday as (

    select
        platform,
        store_id,
        iso_weekday,
        weekday_name,
        is_member_day,
        count(*) as day_count,
        avg(exposures) as avg_daily_exposures,
        avg(clicks) as avg_daily_clicks,
        avg(visitors) as avg_daily_visitors,
        avg(cart_adders) as avg_daily_cart_adders,
        avg(paying_buyers) as avg_daily_paying_buyers,
        avg(paid_orders) as avg_daily_paid_orders,
        avg(inquiries) as avg_daily_inquiries,
        avg(gmv) as avg_daily_gmv,
        sum(exposures) as exposures,
        sum(clicks) as clicks,
        sum(visitors) as visitor_days,
        sum(cart_adders) as cart_adder_days,
        sum(paying_buyers) as paying_buyer_days,
        sum(inquiries) as inquiries,
        sum(gmv) as gmv

    from ordinary_days
    group by platform, store_id, iso_weekday, weekday_name, is_member_day

),

overall as (

    select
        platform,
        store_id,
        avg(exposures) as avg_daily_exposures,
        avg(visitors) as avg_daily_visitors,
        avg(paying_buyers) as avg_daily_paying_buyers,
        avg(inquiries) as avg_daily_inquiries,
        avg(gmv) as avg_daily_gmv

    from ordinary_days
    group by platform, store_id

),

final as (

    select
        -- keys
        by_weekday.platform,
        by_weekday.store_id,
        by_weekday.iso_weekday,
        by_weekday.weekday_name,
        by_weekday.is_member_day,

        -- numerics: daily means
        by_weekday.day_count,
        cast(by_weekday.avg_daily_exposures as {{ storeops.type_double() }}) as avg_daily_exposures,
        cast(by_weekday.avg_daily_clicks as {{ storeops.type_double() }}) as avg_daily_clicks,
        cast(by_weekday.avg_daily_visitors as {{ storeops.type_double() }}) as avg_daily_visitors,
        cast(by_weekday.avg_daily_cart_adders as {{ storeops.type_double() }}) as avg_daily_cart_adders,
        cast(by_weekday.avg_daily_paying_buyers as {{ storeops.type_double() }}) as avg_daily_paying_buyers,
        cast(by_weekday.avg_daily_paid_orders as {{ storeops.type_double() }}) as avg_daily_paid_orders,
        cast(by_weekday.avg_daily_inquiries as {{ storeops.type_double() }}) as avg_daily_inquiries,
        cast(by_weekday.avg_daily_gmv as {{ storeops.type_double() }}) as avg_daily_gmv,

        -- numerics: rates on sums of daily values (ctr: clicks and exposures are additive, their sums
        -- are the weekday's own counts; the rest divide sums of daily distinct counts: `*_over_days`)
        {{ funnel_rates(only=['ctr'], relation='by_weekday') }},
        {{ funnel_rates(
            over_days=true,
            only=['cart_rate', 'payment_conversion_rate', 'inquiry_rate', 'average_order_value'],
            relation='by_weekday'
        ) }},

        -- numerics: indices against the mean ordinary day
        {{ safe_divide('by_weekday.avg_daily_exposures', 'overall.avg_daily_exposures') }} as exposures_index,
        {{ safe_divide('by_weekday.avg_daily_visitors', 'overall.avg_daily_visitors') }} as visitors_index,
        {{ safe_divide('by_weekday.avg_daily_paying_buyers', 'overall.avg_daily_paying_buyers') }}
            as paying_buyers_index,
        {{ safe_divide('by_weekday.avg_daily_inquiries', 'overall.avg_daily_inquiries') }} as inquiries_index,
        {{ safe_divide('by_weekday.avg_daily_gmv', 'overall.avg_daily_gmv') }} as gmv_index

    from by_weekday
    inner join overall
        on by_weekday.platform = overall.platform and by_weekday.store_id = overall.store_id

)

select * from final
