-- fct_after_sales_monthly's counts nest (DECISIONLOG A1): refunds with a return ≤ refunds, refunded orders
-- ≤ refunds and ≤ paid orders, resolved tickets ≤ tickets. Returns each row that breaks one.
select
    month_start,
    platform,
    product,
    reason_category,
    paid_orders,
    refunds,
    refunded_orders,
    refunds_with_return,
    tickets,
    resolved_tickets
from {{ ref('fct_after_sales_monthly') }}
where
    refunds_with_return > refunds
    or refunded_orders > refunds
    or refunded_orders > paid_orders
    or resolved_tickets > tickets
