-- One row per platform, SKU and day with sales or pre-sale orders: units and goods amount of the order item lines
-- of valid orders (int_orders.is_valid, the one definition) on the day the order counts as paid (a pre-sale order
-- on its balance day), and the pre-sale orders taken that day (created, deposit paid). The SKU of a Tmall line is
-- its 商家编码, else its 外部系统编号 (DECISIONLOG I1); a generic line's is sku_id.
with

orders as (

    select * from {{ ref('int_orders') }}

),

lines as (

    select
        'tmall' as platform,
        order_id,
        coalesce(merchant_code, external_system_id) as sku_id,
        quantity,
        price as unit_price
    from {{ ref('stg_tmall__order_items') }}
    union all
    select
        'generic' as platform,
        order_id,
        sku_id,
        quantity,
        unit_price
    from {{ ref('stg_generic__order_items') }}

),

sold as (

    select
        lines.platform,
        lines.sku_id,
        cast(orders.paid_at as date) as sale_date,
        sum(lines.quantity) as units_sold,
        sum(lines.quantity * lines.unit_price) as goods_amount,
        0 as presale_orders_taken
    from lines
    inner join orders on lines.platform = orders.platform and lines.order_id = orders.order_id
    where orders.is_valid
    group by lines.platform, lines.sku_id, cast(orders.paid_at as date)

),

presale as (

    select
        lines.platform,
        lines.sku_id,
        orders.order_date as sale_date,
        0 as units_sold,
        0 as goods_amount,
        count(distinct lines.order_id) as presale_orders_taken
    from lines
    inner join orders on lines.platform = orders.platform and lines.order_id = orders.order_id
    where orders.is_presale
    group by lines.platform, lines.sku_id, orders.order_date

),

final as (

    select
        platform,
        sku_id,
        sale_date,
        cast(sum(units_sold) as bigint) as units_sold,
        cast(sum(goods_amount) as decimal(18, 2)) as goods_amount,
        cast(sum(presale_orders_taken) as bigint) as presale_orders_taken
    from (
        select * from sold
        union all
        select * from presale
    ) as day_rows
    group by platform, sku_id, sale_date

)

select * from final
