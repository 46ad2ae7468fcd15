-- For every attribution model and day, the warehouse-attributed own-shop measures summed over channels equal
-- the own shop's conversions that day, computed here independently from int_orders: paid orders (paid, not
-- cancelled, not test) on the China day of payment, their gross amount, and the customers whose first valid
-- order it is. Tolerance: half a cent on revenue, 1e-6 on counts (weights are doubles).
-- Returns each model / day that does not add up, with both sides.
{%- set attribution_models = ['last_click', 'first_click', 'linear', 'time_decay', 'position_based'] %}

with

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}
    where platform = 'site'

),

orders as (

    select * from {{ ref('int_orders') }}
    where platform = 'site'

),

attribution_models as (

    {%- for attribution_model in attribution_models %}
        select '{{ attribution_model }}' as attribution_model
        {% if not loop.last -%} union all {%- endif %}
    {%- endfor %}

),

first_valid_orders as (

    select
        order_id,
        row_number() over (partition by member_key order by ordered_at, order_id) = 1 as is_first

    from orders
    where is_valid

),

converted as (

    select
        cast(orders.paid_at as date) as stat_date,
        count(*) as orders,
        sum(orders.gross_amount) as revenue,
        sum(case when first_valid_orders.is_first then 1 else 0 end) as new_customers

    from orders
    left join first_valid_orders
        on orders.order_id = first_valid_orders.order_id
    where orders.is_paid and not orders.is_cancelled and not orders.is_test_order
    group by cast(orders.paid_at as date)

),

expected as (

    select
        attribution_models.attribution_model,
        converted.*

    from attribution_models
    cross join converted

),

attributed as (

    select
        attribution_model,
        stat_date,
        sum(warehouse_attributed_orders) as orders,
        sum(warehouse_attributed_revenue) as revenue,
        sum(warehouse_attributed_new_customers) as new_customers

    from mart
    group by attribution_model, stat_date

),

compared as (

    select
        coalesce(expected.attribution_model, attributed.attribution_model) as attribution_model,
        coalesce(expected.stat_date, attributed.stat_date) as stat_date,
        coalesce(expected.orders, 0) as converted_orders,
        coalesce(attributed.orders, 0) as attributed_orders,
        coalesce(expected.revenue, 0) as converted_revenue,
        coalesce(attributed.revenue, 0) as attributed_revenue,
        coalesce(expected.new_customers, 0) as new_customers,
        coalesce(attributed.new_customers, 0) as attributed_new_customers

    from expected
    full outer join attributed
        on
            expected.attribution_model = attributed.attribution_model
            and expected.stat_date = attributed.stat_date

)

select * from compared
where
    abs(converted_revenue - attributed_revenue) > 0.005
    or abs(converted_orders - attributed_orders) > 0.000001
    or abs(new_customers - attributed_new_customers) > 0.000001
