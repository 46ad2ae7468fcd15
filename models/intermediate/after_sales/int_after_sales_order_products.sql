-- The product an order counts under in the after-sales mart: one row per platform + order with order items.
-- An order's product is its product with the largest goods amount over its lines (ties: the first product
-- by name), so every order counts once (DECISIONLOG A3). Tmall: the item title (标题, the word the refund
-- export's 宝贝标题 also uses); generic: product_id, else title, else sku_id.

with

tmall_lines as (

    select
        'tmall' as platform,
        order_id,
        product_title as product,
        price * quantity as line_amount
    from {{ ref('stg_tmall__order_items') }}

),

generic_lines as (

    select
        'generic' as platform,
        order_id,
        coalesce(product_id, title, sku_id) as product,
        unit_price * quantity as line_amount
    from {{ ref('stg_generic__order_items') }}

),

product_amounts as (

    select
        platform,
        order_id,
        product,
        sum(line_amount) as product_amount
    from (
        select * from tmall_lines
        union all
        select * from generic_lines
    ) as all_lines
    group by platform, order_id, product

),

final as (

    select
        platform,
        order_id,
        product
    from product_amounts
    qualify row_number() over (partition by platform, order_id order by product_amount desc, product asc) = 1

)

select * from final
