-- Own-shop orders conformed to int_orders: one row per order_id of the own-shop order export (every order,
-- valid or not). The channel is the one of the session holding the order's first purchase event
-- (int_site_purchases); statuses through the seed order_status_map (macro conform_orders).
with

site_orders as (

    select * from {{ ref('stg_site__orders') }}

),

site_first_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

site_sessions as (

    select * from {{ ref('int_site_sessions') }}

),

site as (

    select
        'site' as platform,
        cast(null as {{ dbt.type_string() }}) as store_id,
        site_orders.order_id,
        site_orders.customer_id as member_key,
        site_orders.status as order_status,
        site_sessions.source_label,
        site_sessions.channel,
        site_orders.coupon_code,
        coalesce(site_orders.currency, 'CNY') as currency,
        true as is_member_exported,
        site_orders.total_amount as gross_amount,
        site_orders.refund_amount,
        site_orders.is_paid,
        false as has_test_note,
        site_orders.created_at as ordered_at,
        site_orders.paid_at,
        -- no pre-sale deposits in this export
        false as is_presale,
        cast(null as {{ storeops.type_money() }}) as deposit_amount,
        cast(null as {{ dbt.type_timestamp() }}) as deposit_paid_at

    from site_orders
    left join site_first_purchases
        on site_orders.order_id = site_first_purchases.transaction_id
    left join site_sessions
        on site_first_purchases.session_key = site_sessions.session_key

),

final as (

    {{ storeops.conform_orders('site') }}

)

select * from final
