-- Generic orders conformed to int_orders: one row per order_id of the generic order export (every order, valid
-- or not). The export's own channel label goes through channel_map; statuses through the seed
-- order_status_map (macro conform_orders), which here also decide whether an order was paid.
with

generic_orders as (

    select * from {{ ref('stg_generic__orders') }}

),

channel_map as (

    select * from {{ ref('channel_map') }}

),

-- a label that already is a canonical channel maps to itself; any other label is `other`; no label, no channel
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

generic as (

    select
        'generic' as platform,
        generic_orders.store_id,
        generic_orders.order_id,
        generic_orders.customer_id as member_key,
        generic_orders.status as order_status,
        generic_orders.channel as source_label,
        case
            when generic_orders.channel is null then null
            else coalesce(generic_channels.channel, canonical_channels.channel, 'other')
        end as channel,
        cast(null as {{ dbt.type_string() }}) as coupon_code,
        generic_orders.currency,
        true as is_member_exported,
        generic_orders.amount as gross_amount,
        generic_orders.refund_amount,
        -- paid when the export says when, or when its status is not an unpaid or cancelled one
        -- (status_decides_payment below; an export with neither column is a list of sales: every order is paid)
        generic_orders.paid_at is not null as is_paid,
        false as has_test_note,
        generic_orders.ordered_at,
        generic_orders.paid_at,
        -- no pre-sale deposits in this export
        false as is_presale,
        cast(null as {{ storeops.type_money() }}) as deposit_amount,
        cast(null as {{ dbt.type_timestamp() }}) as deposit_paid_at

    from generic_orders
    left join generic_channels
        on lower(trim(generic_orders.channel)) = generic_channels.source_label
    left join canonical_channels
        on lower(trim(generic_orders.channel)) = canonical_channels.channel

),

final as (

    {{ storeops.conform_orders('generic', status_decides_payment=true) }}

)

select * from final
