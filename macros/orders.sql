{#- Order conformance (models/intermediate/orders): each platform's model int_orders__<platform> shapes its
    export into one row per order and ends in conform_orders, so that the status lookup, the status flags,
    the refund rules and the valid-order definition (DECISIONLOG M1-M3) are written once for every platform. -#}

{#- The conformed columns of int_orders, plus `status_class`, from `relation`: one row per order with
    platform, store_id, order_id, member_key, order_status, source_label, channel, coupon_code, currency,
    is_member_exported, gross_amount, refund_amount (as the export gives it, NULL when it gives none), is_paid,
    has_test_note, ordered_at, paid_at (for a pre-sale order, the balance's payment), is_presale, deposit_amount,
    deposit_paid_at (pre-sale deposits: Tmall only, NULL elsewhere).
    The status is looked up, trimmed and in lower case, in the seed order_status_map; `status_class` is NULL
    when the status is not there, and such a status sets no flag (the order counts as a `paid`-class one).
    status_decides_payment: an order is also paid when its status class is not `unpaid` or `cancelled`
    (an unknown or missing status included): the generic export, whose payment time is optional. -#}
{% macro conform_orders(relation, status_decides_payment=false) %}

    with

    status_classed as (

        select
            orders.* exclude (is_paid),
            order_statuses.status_class,
            {% if status_decides_payment -%}
            orders.is_paid
            or coalesce(order_statuses.status_class not in ('unpaid', 'cancelled'), true) as is_paid
            {%- else -%}
            orders.is_paid
            {%- endif %}

        from {{ relation }} as orders
        left join {{ ref('order_status_map') }} as order_statuses
            on
                orders.platform = order_statuses.platform
                and lower(trim(orders.order_status)) = order_statuses.order_status

    ),

    status_flagged as (

        select
            *,
            coalesce(status_class = 'cancelled', false) as is_cancelled,
            coalesce(status_class = 'test', false) or has_test_note as is_test_order,
            -- a `refunded` status with no amount is a full refund
            coalesce(status_class = 'refunded' and refund_amount is null, false) as is_refunded_status,
            -- refunds count on paid orders only
            case when is_paid then coalesce(refund_amount, 0) else 0 end as paid_refund_amount

        from status_classed

    ),

    refund_flagged as (

        select
            *,
            -- a fully refunded order: refunds cover the whole amount, or a `refunded` status with no amount
            is_paid
            and (
                is_refunded_status
                or (paid_refund_amount > 0 and paid_refund_amount >= gross_amount)
            ) as is_fully_refunded,
            case
                when is_paid and is_refunded_status then gross_amount else paid_refund_amount
            end as conformed_refund_amount

        from status_flagged

    )

    select
        -- ids
        platform,
        store_id,
        order_id,
        member_key,

        -- strings
        order_status,
        status_class,
        source_label,
        channel,
        coupon_code,
        currency,

        -- booleans
        is_member_exported,
        is_presale,

        -- numerics
        cast(gross_amount as {{ storeops.type_money() }}) as gross_amount,
        cast(conformed_refund_amount as {{ storeops.type_money() }}) as refund_amount,
        cast(gross_amount - conformed_refund_amount as {{ storeops.type_money() }}) as net_amount,
        cast(deposit_amount as {{ storeops.type_money() }}) as deposit_amount,

        -- booleans
        is_paid,
        is_cancelled,
        is_test_order,
        is_fully_refunded,
        is_paid and not is_cancelled and not is_test_order and not is_fully_refunded as is_valid,

        -- timestamps
        ordered_at,
        paid_at,
        deposit_paid_at,
        cast(ordered_at as date) as order_date

    from refund_flagged

{% endmacro %}
