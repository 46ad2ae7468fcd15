-- Every paid order of int_orders with its shipping promise and the time its clock starts: one row per
-- platform + order_id. The promise comes
-- from the seed shipping_promises: a blank criterion matches any order, the most specific matching rule wins
-- (most criteria filled in), and among equally specific rules the longest promise (DECISIONLOG U1); NULL when no
-- rule matches (a test fails: the seed's catch-all row prevents it). An order without a store id takes its
-- platform's default store id (int_funnel_platform_stores, DECISIONLOG F4).
-- A table: it joins every paid order to the rules, and it ends a chain of views from the campaign calendar (U5).
{{ config(materialized='table') }}

with

paid_orders as (

    select
        platform,
        store_id,
        order_id,
        is_presale,
        ordered_at,
        paid_at,
        -- the promise's clock: the payment, or the order where the export gives no payment time (a generic
        -- export without paid_at, whose orders are paid by their status)
        coalesce(paid_at, ordered_at) as clock_started_at,
        is_cancelled or is_fully_refunded or is_test_order as is_closed

    from {{ ref('int_orders') }}
    where is_paid

),

rules as (

    select
        *,
        cast(platform is not null as integer)
        + cast(store_id is not null as integer)
        + cast(product_id is not null as integer)
        + cast(campaign_id is not null as integer)
        + cast(is_presale is not null as integer) as specificity

    from {{ ref('shipping_promises') }}

),

order_products as (

    select
        platform,
        order_id,
        list(product_key) as product_keys

    from {{ ref('int_order_product_keys') }}
    group by platform, order_id

),

day_campaigns as (

    select
        platform,
        calendar_date,
        list(distinct campaign_id) as campaign_ids

    from {{ ref('int_campaign_days') }}
    group by platform, calendar_date

),

platform_stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),

-- each paid order with what the rules can name: its store (the default one where it has none), its products and
-- the campaigns of the day it was paid
described as (

    select
        paid_orders.* exclude (store_id),
        coalesce(paid_orders.store_id, platform_stores.default_store_id) as store_id,
        order_products.product_keys,
        day_campaigns.campaign_ids

    from paid_orders
    left join platform_stores
        on paid_orders.platform = platform_stores.platform
    left join order_products
        on paid_orders.platform = order_products.platform and paid_orders.order_id = order_products.order_id
    left join day_campaigns
        on
            paid_orders.platform = day_campaigns.platform
            and cast(paid_orders.clock_started_at as date) = day_campaigns.calendar_date

),

matches as (

    select
        described.platform,
        described.order_id,
        rules.promise_hours

    from described
    inner join rules
        on
            coalesce(described.platform = rules.platform, rules.platform is null)
            and coalesce(described.store_id = rules.store_id, rules.store_id is null)
            and coalesce(described.is_presale = rules.is_presale, rules.is_presale is null)
            and coalesce(list_contains(described.product_keys, rules.product_id), rules.product_id is null)
            and coalesce(list_contains(described.campaign_ids, rules.campaign_id), rules.campaign_id is null)
    qualify row_number() over (
        partition by described.platform, described.order_id
        order by rules.specificity desc, rules.promise_hours desc
    ) = 1

),

final as (

    select
        described.platform,
        described.store_id,
        described.order_id,
        described.is_presale,
        described.ordered_at,
        described.paid_at,
        described.clock_started_at,
        described.is_closed,
        matches.promise_hours

    from described
    left join matches
        on described.platform = matches.platform and described.order_id = matches.order_id

)

select * from final
