-- Why do customers return things? For each platform and product, its top reasons (default 3) by refunds over the
-- last `months` months of data (default 12), with each reason's share of the product's refunds, the refunds that
-- need the goods back, refunded amount, refund rate and tickets. From fct_after_sales_monthly
-- (DECISIONLOG A1-A4), e.g.
--   dbt compile -s top_return_reasons_per_product --vars '{months: 6, top_n: 3}'
-- then run the SQL in target/compiled/.
{%- set months = var('months', 12) | int %}
{%- set top_n = var('top_n', 3) | int %}

with

monthly as (

    select * from {{ ref('fct_after_sales_monthly') }}
    where month_start > (
        select {{ dbt.dateadd('month', -months, 'max(month_start)') }} from {{ ref('fct_after_sales_monthly') }}
    )

),

reasons as (

    select
        platform,
        product,
        reason_category,
        sum(paid_orders) as paid_orders,
        sum(refunds) as refunds,
        sum(refunded_orders) as refunded_orders,
        sum(refunds_with_return) as refunds_with_return,
        sum(refunded_amount) as refunded_amount,
        sum(tickets) as tickets
    from monthly
    group by platform, product, reason_category

),

ranked as (

    select
        *,
        sum(refunds) over (partition by platform, product) as product_refunds,
        row_number() over (partition by platform, product order by refunds desc, reason_category asc) as reason_rank
    from reasons

),

final as (

    select
        platform,
        product,
        reason_rank,
        reason_category,
        refunds,
        round({{ storeops.safe_divide('refunds', 'product_refunds') }}, 3) as share_of_product_refunds,
        refunds_with_return,
        refunded_amount,
        round({{ storeops.safe_divide('refunded_orders', 'paid_orders') }}, 4) as refund_rate,
        tickets
    from ranked
    where reason_rank <= {{ top_n }} and refunds > 0

)

select * from final
order by platform, product, reason_rank
