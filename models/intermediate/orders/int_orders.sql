-- Conformed orders: one row per platform + order across the Tmall, own-shop and generic order exports.
-- The one place a valid order is defined (see _orders__models.yml and DECISIONLOG M1-M3):
--   is_valid = paid and not cancelled / closed and not a test order and not fully refunded.
-- A table, not a view: the member marts, the funnel and channel ROI all read it, and the own-shop
-- channel comes from the sessionised events (a join worth doing once per build).
{{ config(materialized='table') }}

{%- set cancelled_statuses = [
    'cancelled', 'canceled', 'cancel', 'closed', 'void', 'voided', 'failed', 'declined', 'rejected',
    'expired', '已取消', '取消', '交易关闭', '关闭',
] %}
{%- set unpaid_statuses = [
    'pending', 'unpaid', 'awaiting_payment', 'pending_payment', 'created', '待付款', '未付款', '等待买家付款',
] %}
{%- set refunded_statuses = ['refunded', '已退款', '退款成功'] %}
{%- set test_statuses = ['test', 'test_order', '测试', '测试单', '测试订单'] %}

with

tmall_orders as (

    select * from {{ ref('stg_tmall__orders') }}

),

tmall_refunds as (

    select * from {{ ref('stg_tmall__refunds') }}

),

site_orders as (

    select * from {{ ref('stg_site__orders') }}

),

site_first_purchases as (

    select * from {{ ref('int_site_purchases') }}

),

site_sessions as (

    select * from {{ ref('int_site_sessions') }}

),

generic_orders as (

    select * from {{ ref('stg_generic__orders') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}

),

-- Tmall: successful refunds per order, used where the order export leaves 退款金额 out
tmall_refunded as (

    select
        order_id,
        sum(refund_amount) as refunded_amount

    from tmall_refunds
    where refund_status = '退款成功'
    group by order_id

),

tmall as (

    select
        'tmall' as platform,
        tmall_orders.store_id,
        tmall_orders.order_id,
        tmall_orders.buyer_nick as member_key,
        tmall_orders.order_status,
        cast(null as {{ dbt.type_string() }}) as source_label,
        cast(null as {{ dbt.type_string() }}) as channel,
        cast(null as {{ dbt.type_string() }}) as coupon_code,
        'CNY' as currency,
        tmall_orders.has_buyer_column as is_member_exported,
        case
            when tmall_orders.is_paid then tmall_orders.paid_amount_at_payment else tmall_orders.total_amount
        end as gross_amount,
        case
            when tmall_orders.is_paid
                then coalesce(tmall_orders.refund_amount, tmall_refunded.refunded_amount, 0)
            else 0
        end as refund_amount,
        tmall_orders.is_paid,
        coalesce(tmall_orders.order_status = '交易关闭', false) as is_cancelled,
        coalesce(
            tmall_orders.seller_note like '%测试单%'
            or tmall_orders.seller_note like '%测试订单%'
            or tmall_orders.order_note like '%测试单%'
            or tmall_orders.order_note like '%测试订单%',
            false
        ) as is_test_order,
        false as is_refunded_status,
        tmall_orders.created_at as ordered_at,
        tmall_orders.paid_at

    from tmall_orders
    left join tmall_refunded
        on tmall_orders.order_id = tmall_refunded.order_id

),

-- own shop: the channel of the session holding the order's first purchase event (int_site_purchases)
site_purchases as (

    select
        transaction_id as order_id,
        session_key

    from site_first_purchases
    where transaction_id is not null

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
        case when site_orders.is_paid then coalesce(site_orders.refund_amount, 0) else 0 end as refund_amount,
        site_orders.is_paid,
        coalesce(
            lower(trim(site_orders.status)) in ({{ "'" ~ cancelled_statuses | join("', '") ~ "'" }}), false
        ) as is_cancelled,
        coalesce(
            lower(trim(site_orders.status)) in ({{ "'" ~ test_statuses | join("', '") ~ "'" }}), false
        ) as is_test_order,
        coalesce(
            lower(trim(site_orders.status)) in ({{ "'" ~ refunded_statuses | join("', '") ~ "'" }})
            and site_orders.refund_amount is null,
            false
        ) as is_refunded_status,
        site_orders.created_at as ordered_at,
        site_orders.paid_at

    from site_orders
    left join site_purchases
        on site_orders.order_id = site_purchases.order_id
    left join site_sessions
        on site_purchases.session_key = site_sessions.session_key

),

-- generic: the export's own channel label through the channel map; a label that already is a
-- canonical channel maps to itself; any other label is `other`; no label, no channel
canonical_channels as (

    select distinct channel from channel_map

),

generic_channels as (

    select
        source_label,
        channel

    from channel_map
    where platform = 'generic'

),

generic_normalised as (

    select
        *,
        lower(trim(status)) as status_normalised,
        lower(trim(channel)) as channel_label

    from generic_orders

),

generic as (

    select
        'generic' as platform,
        generic_normalised.store_id,
        generic_normalised.order_id,
        generic_normalised.customer_id as member_key,
        generic_normalised.status as order_status,
        generic_normalised.channel as source_label,
        case
            when generic_normalised.channel_label is null then null
            else coalesce(generic_channels.channel, canonical_channels.channel, 'other')
        end as channel,
        cast(null as {{ dbt.type_string() }}) as coupon_code,
        generic_normalised.currency,
        true as is_member_exported,
        generic_normalised.amount as gross_amount,
        generic_normalised.refund_amount,
        -- paid when the export says when, or when its status is not an unpaid or cancelled one
        -- (an export with neither column is a list of sales: every order is paid)
        generic_normalised.paid_at is not null
        or coalesce(
            generic_normalised.status_normalised not in (
                {{ "'" ~ (unpaid_statuses + cancelled_statuses) | join("', '") ~ "'" }}
            ),
            true
        ) as is_paid,
        coalesce(
            generic_normalised.status_normalised in ({{ "'" ~ cancelled_statuses | join("', '") ~ "'" }}),
            false
        ) as is_cancelled,
        coalesce(
            generic_normalised.status_normalised in ({{ "'" ~ test_statuses | join("', '") ~ "'" }}),
            false
        ) as is_test_order,
        coalesce(
            generic_normalised.status_normalised in ({{ "'" ~ refunded_statuses | join("', '") ~ "'" }})
            and generic_normalised.refund_amount is null,
            false
        ) as is_refunded_status,
        generic_normalised.ordered_at,
        generic_normalised.paid_at

    from generic_normalised
    left join generic_channels
        on generic_normalised.channel_label = generic_channels.source_label
    left join canonical_channels
        on generic_normalised.channel_label = canonical_channels.channel

),

generic_paid as (

    select
        platform,
        store_id,
        order_id,
        member_key,
        order_status,
        source_label,
        channel,
        coupon_code,
        currency,
        is_member_exported,
        gross_amount,
        case when is_paid then coalesce(refund_amount, 0) else 0 end as refund_amount,
        is_paid,
        is_cancelled,
        is_test_order,
        is_refunded_status,
        ordered_at,
        paid_at

    from generic

),

unioned as (

    select * from tmall
    union all
    select * from site
    union all
    select * from generic_paid

),

flagged as (

    select
        *,
        -- a fully refunded order: refunds cover the whole amount, or a `refunded` status with no amount
        is_paid
        and (
            is_refunded_status
            or (refund_amount > 0 and refund_amount >= gross_amount)
        ) as is_fully_refunded

    from unioned

),

final as (

    select
        -- ids
        platform,
        store_id,
        order_id,
        member_key,

        -- strings
        order_status,
        source_label,
        channel,
        coupon_code,
        currency,

        -- booleans
        is_member_exported,

        -- numerics
        cast(gross_amount as {{ storeops.type_money() }}) as gross_amount,
        cast(
            case when is_fully_refunded and is_refunded_status then gross_amount else refund_amount end
            as {{ storeops.type_money() }}
        ) as refund_amount,
        cast(
            gross_amount
            - case when is_fully_refunded and is_refunded_status then gross_amount else refund_amount end
            as {{ storeops.type_money() }}
        ) as net_amount,

        -- booleans
        is_paid,
        is_cancelled,
        is_test_order,
        is_fully_refunded,
        is_paid and not is_cancelled and not is_test_order and not is_fully_refunded as is_valid,

        -- timestamps
        ordered_at,
        paid_at,
        cast(ordered_at as date) as order_date

    from flagged

)

select * from final
