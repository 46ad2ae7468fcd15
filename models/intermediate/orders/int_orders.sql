-- Conformed orders: one row per platform + order across the Tmall, own-shop and generic order exports.
-- The one place a valid order is defined (see _orders__models.yml and DECISIONLOG M1-M3):
--   is_valid = paid and not cancelled / closed and not a test order and not fully refunded.
-- Each platform is conformed in its own model, int_orders__<platform>, through the macro conform_orders and
-- the status map seed order_status_map; this model unions them.
-- A table, not a view: the member marts, the funnel and channel ROI all read it, and the own-shop
-- channel comes from the sessionised events (a join worth doing once per build).
{{ config(materialized='table') }}

with

unioned as (

    select * from {{ ref('int_orders__tmall') }}
    union all
    select * from {{ ref('int_orders__site') }}
    union all
    select * from {{ ref('int_orders__generic') }}

),

final as (

    -- the status class stays in the conformance models, where a data test warns about unmapped statuses;
    -- the columns are those of conform_orders (macros/orders.sql) less status_class
    select * exclude (status_class) from unioned

)

select * from final  -- noqa: AM04
