-- After-sales by month, platform, product and reason category (grain and definitions: _after_sales__models.yml,
-- DECISIONLOG A1-A4). Orders and refunds are dated by the month the order was paid (refunds belong to their
-- order's month, so refunded orders never exceed paid orders); tickets by the month they were opened.
-- Every (month, platform, product) with paid orders, refunds or tickets has one row per reason category.

{%- set cell_keys = ['month_start', 'platform', 'product'] %}

with

orders_monthly as (

    select * from {{ ref('int_after_sales_orders_monthly') }}

),

refunds_monthly as (

    select * from {{ ref('int_after_sales_refunds_monthly') }}

),

tickets_monthly as (

    select * from {{ ref('int_after_sales_tickets_monthly') }}

),

cells as (

    {% for relation in ['orders_monthly', 'refunds_monthly', 'tickets_monthly'] -%}
        select {{ cell_keys | join(', ') }} from {{ relation }}
        {{ "union" if not loop.last }}
    {% endfor %}
),

categories as (

    {{ storeops.after_sales_reason_category_rows() }}

),

final as (

    select
        cells.month_start,
        cells.platform,
        cells.product,
        categories.reason_category,
        {%- for relation, columns in [
            ('orders_monthly', ['paid_orders', 'gmv']),
            ('refunds_monthly', ['refunds', 'refunded_orders', 'refunded_amount', 'refunds_with_return']),
            ('tickets_monthly', ['tickets', 'resolved_tickets']),
        ] %}
            {%- for column in columns %}
                coalesce({{ relation }}.{{ column }}, 0) as {{ column }},
            {%- endfor %}
        {%- endfor %}
        tickets_monthly.median_resolution_hours,
        {{ storeops.safe_divide('coalesce(refunds_monthly.refunded_orders, 0)', 'orders_monthly.paid_orders') }}
            as refund_rate,
        {{ storeops.safe_divide('coalesce(refunds_monthly.refunded_amount, 0)', 'orders_monthly.gmv') }}
            as refunded_amount_share_of_gmv,
        1000 * {{ storeops.safe_divide('coalesce(tickets_monthly.tickets, 0)', 'orders_monthly.paid_orders') }}
            as tickets_per_1000_orders
    from cells
    cross join categories
    left join orders_monthly
        on true {{- storeops.funnel_keys_equal(cell_keys, 'cells', 'orders_monthly') }}
    left join refunds_monthly
        on
            categories.reason_category = refunds_monthly.reason_category
            {{- storeops.funnel_keys_equal(cell_keys, 'cells', 'refunds_monthly') }}
    left join tickets_monthly
        on
            categories.reason_category = tickets_monthly.reason_category
            {{- storeops.funnel_keys_equal(cell_keys, 'cells', 'tickets_monthly') }}

)

select * from final
