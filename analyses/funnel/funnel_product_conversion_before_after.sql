-- Did the conversion of one listing change after a given date (a new product page, a price change, a
-- campaign start)? The listing's funnel over the N days before the date and the N days from it, with a
-- two-proportion z-test on payment conversion (Tmall) or inquiry rate (Alibaba.com).
-- Placeholders, set with --vars:
--   funnel_product_id   the listing (Sycm 商品ID or Alibaba.com 产品ID); default: the Tmall listing with
--                       the most visitor-days, so the query runs on the demo
--   funnel_change_date  the first day "after" (default 2024-07-01)
--   funnel_window_days  days on each side (default 28)
-- e.g. dbt compile -s funnel_product_conversion_before_after
--        --vars '{funnel_product_id: "612345678901", funnel_change_date: "2024-09-01"}'
-- Caveat: the daily figures are distinct per day, so visitor-days are the trials (a visitor who comes on
-- two days counts twice); the z-test treats them as independent, which overstates significance a little.
{%- set change_date = var('funnel_change_date', '2024-07-01') %}
{%- set window_days = var('funnel_window_days', 28) %}

with

listings as (

    select * from {{ ref('fct_product_funnel_daily') }}

),

chosen as (

    {% if var('funnel_product_id', none) is not none -%}
        select '{{ var("funnel_product_id") }}' as product_id
    {%- else -%}
        select product_id
        from listings
        where platform = 'tmall'
        group by product_id
        order by sum(visitors) desc, product_id
        limit 1
    {%- endif %}

),

windowed as (

    select
        listings.*,
        case
            when listings.stat_date < cast('{{ change_date }}' as date) then 'before'
            else 'after'
        end as side

    from listings
    inner join chosen
        on listings.product_id = chosen.product_id
    where
        listings.stat_date >= {{ dbt.dateadd('day', -window_days, "cast('" ~ change_date ~ "' as date)") }}
        and listings.stat_date < {{ dbt.dateadd('day', window_days, "cast('" ~ change_date ~ "' as date)") }}

),

sides as (

    select
        platform,
        store_id,
        product_id,
        side,
        count(*) as day_count,
        sum(exposures) as exposures,
        sum(clicks) as clicks,
        sum(visitors) as visitor_days,
        sum(cart_adders) as cart_adder_days,
        sum(paying_buyers) as paying_buyer_days,
        sum(inquiries) as inquiries,
        sum(gmv) as gmv,
        -- the converting step: paying buyers on Tmall, inquiries on Alibaba.com
        coalesce(sum(paying_buyers), sum(inquiries)) as conversions

    from windowed
    group by platform, store_id, product_id, side

),

rated as (

    select
        *,
        {{ safe_divide('clicks', 'exposures') }} as ctr,
        {{ safe_divide('cart_adder_days', 'visitor_days') }} as cart_rate,
        {{ safe_divide('paying_buyer_days', 'visitor_days') }} as payment_conversion_rate,
        {{ safe_divide('inquiries', 'visitor_days') }} as inquiry_rate,
        {{ safe_divide('conversions', 'visitor_days') }} as conversion_rate

    from sides

),

before_after as (

    select
        after_side.platform,
        after_side.store_id,
        after_side.product_id,
        before_side.day_count as days_before,
        after_side.day_count as days_after,
        before_side.visitor_days as visitor_days_before,
        after_side.visitor_days as visitor_days_after,
        before_side.ctr as ctr_before,
        after_side.ctr as ctr_after,
        before_side.cart_rate as cart_rate_before,
        after_side.cart_rate as cart_rate_after,
        before_side.conversion_rate as conversion_rate_before,
        after_side.conversion_rate as conversion_rate_after,
        before_side.gmv as gmv_before,
        after_side.gmv as gmv_after,
        {{ safe_divide(
            'before_side.conversions + after_side.conversions',
            'before_side.visitor_days + after_side.visitor_days'
        ) }} as pooled_rate

    from rated as after_side
    inner join rated as before_side
        on
            after_side.product_id = before_side.product_id
            and after_side.platform = before_side.platform
            and after_side.side = 'after'
            and before_side.side = 'before'

)

select
    *,
    conversion_rate_after - conversion_rate_before as conversion_rate_change,
    {{ safe_divide(
        'conversion_rate_after - conversion_rate_before',
        'sqrt(pooled_rate * (1 - pooled_rate) * (1.0 / visitor_days_before + 1.0 / visitor_days_after))'
    ) }} as z_score,
    abs({{ safe_divide(
        'conversion_rate_after - conversion_rate_before',
        'sqrt(pooled_rate * (1 - pooled_rate) * (1.0 / visitor_days_before + 1.0 / visitor_days_after))'
    ) }}) >= 1.96 as is_significant

from before_after
