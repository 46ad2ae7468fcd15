-- fct_after_sales_monthly against staging (DECISIONLOG A1): its refunded amount and refunds equal the successful
-- refunds of staging (Tmall 退款成功 rows of stg_tmall__refunds, other platforms' order refunds in int_orders)
-- whose order is a paid non-test order; its tickets equal the staged tickets; its paid orders and GMV equal
-- int_orders' paid non-test orders. Returns each measure that differs, with both figures.
with

mart as (

    select
        sum(refunded_amount) as refunded_amount,
        sum(refunds) as refunds,
        sum(tickets) as tickets,
        sum(case when reason_category = 'other' then paid_orders else 0 end) as paid_orders,
        sum(case when reason_category = 'other' then gmv else 0 end) as gmv
    from {{ ref('fct_after_sales_monthly') }}

),

paid_orders as (

    select * from {{ ref('int_orders') }}
    where is_paid and not is_test_order

),

staged_refunds as (

    select refunds.refund_amount
    from {{ ref('stg_tmall__refunds') }} as refunds
    inner join paid_orders
        on paid_orders.platform = 'tmall' and refunds.order_id = paid_orders.order_id
    where trim(refunds.refund_status) = '退款成功'
    union all
    select refund_amount from paid_orders
    where platform != 'tmall' and refund_amount > 0

),

staged as (

    select
        (select sum(refund_amount) from staged_refunds) as refunded_amount,
        (select count(*) from staged_refunds) as refunds,
        (select count(*) from {{ ref('stg_tmall__service_tickets') }})
        + (select count(*) from {{ ref('stg_generic__service_tickets') }}) as tickets,
        (select count(*) from paid_orders) as paid_orders,
        (select sum(gross_amount) from paid_orders) as gmv

),

{%- set measures = ['refunded_amount', 'refunds', 'tickets', 'paid_orders', 'gmv'] %}

compared as (

    {% for measure in measures -%}
        select
            '{{ measure }}' as measure,
            cast(mart.{{ measure }} as double) as mart_value,
            cast(staged.{{ measure }} as double) as staged_value
        from mart cross join staged
        {{ "union all" if not loop.last }}
    {% endfor %}
)

select * from compared
where coalesce(mart_value, 0) != coalesce(staged_value, 0)
