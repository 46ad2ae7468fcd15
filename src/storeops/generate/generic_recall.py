"""The generic shop's coupon recall (`experiments.RECALL_ID`): its assignment export and the orders it brings.

On the send day every lapsed customer (a paid order before the day, none in the `RECALL_LAPSED_DAYS` days
before, or in half the days since the window's start when that is fewer) is drawn: `RECALL_HOLDOUT_SHARE`
into the holdout, the rest treated. A treated customer places one extra paid order with probability
`RECALL_EXTRA_ORDER` at a uniform time inside the window (cut at the end of the demo). The assignment list names customers by their `customer_id` in clear, as a CRM tool exports it;
landing hashes it like the order export's `customer_id`, so both meet as one member key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import experiments as ex
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import SECONDS_PER_DAY, choose, unique_digits
from storeops.generate.writer import Export, table_export

SEND_HOUR = 10


@dataclass(frozen=True)
class Recall:
    """The drawn customers and the treated ones' extra orders."""

    customer: np.ndarray
    """customer index per assignment row (the double-listed ones twice)"""
    holdout: np.ndarray
    """bool per assignment row"""
    sent: int
    """seconds since the window's first midnight"""
    order_customer: np.ndarray
    order_created: np.ndarray


def simulate_recall(
    rng: np.random.Generator, cal: Calendar, customer: np.ndarray, created: np.ndarray, paid: np.ndarray
) -> Recall:
    """Draw the recall over the shop's existing orders (`customer`, `created` seconds, `paid` flags)."""
    plan = ex.recall_plan(cal)
    sent = plan.start_day * SECONDS_PER_DAY + SEND_HOUR * 3600
    before = paid & (created < sent)
    last = np.full(int(customer.max(initial=-1)) + 1, -1, dtype=np.int64)
    np.maximum.at(last, customer[before], created[before])
    lapsed_days = min(ex.RECALL_LAPSED_DAYS, plan.start_day // 2)  # a short demo window has no 30-day lapse
    lapsed = np.flatnonzero((last >= 0) & (last < sent - lapsed_days * SECONDS_PER_DAY))
    holdout = rng.random(len(lapsed)) < ex.RECALL_HOLDOUT_SHARE
    treated = lapsed[~holdout]
    buys = treated[rng.random(len(treated)) < ex.RECALL_EXTRA_ORDER]
    end = min(sent + plan.window_days * SECONDS_PER_DAY, cal.days * SECONDS_PER_DAY) - 1
    order_created = np.sort(rng.integers(sent, max(end, sent + 1), len(buys)))
    double = rng.choice(len(lapsed), min(ex.RECALL_DOUBLE_LISTED, len(lapsed)), replace=False)
    rows = np.concatenate([lapsed, lapsed[double]])
    flags = np.concatenate([holdout, ~holdout[double]])
    return Recall(rows, flags, sent, rng.permutation(buys), order_created)


def assignments_export(cal: Calendar, recall: Recall) -> Export:
    """`generic/experiment_assignments`: one row per drawn customer and group, in the send day's file."""
    n = len(recall.customer)
    columns = {
        "experiment_id": np.full(n, ex.RECALL_ID),
        "visitor_id": np.full(n, ""),
        "member_id": np.strings.add("cust_", fmt.padded(recall.customer, 6)),
        "variant": np.where(recall.holdout, ex.RECALL_GROUPS[1], ex.RECALL_GROUPS[0]),
        "assigned_at": fmt.timestamps(cal.start, np.full(n, recall.sent)),
    }
    return table_export("generic", "experiment_assignments", np.full(n, cal.month_key[recall.sent // SECONDS_PER_DAY]),
                        columns)


def recall_orders(rng: np.random.Generator, cal: Calendar, recall: Recall) -> dict[str, np.ndarray]:
    """The treated customers' extra orders as generic order columns (paid, through the `crm` channel)."""
    n = len(recall.order_created)
    product = choose(rng, [p[2] for p in cat.GENERIC_PRODUCTS], n)
    quantity = choose(rng, cat.GENERIC_QUANTITY_P, n) + 1
    amount = np.array([round(p[1] * 100) for p in cat.GENERIC_PRODUCTS], dtype=np.int64)[product] * quantity
    return {
        "order_id": np.strings.add("GR", unique_digits(rng, n, (3, 3), 6)),
        "customer_id": np.strings.add("cust_", fmt.padded(recall.order_customer, 6)),
        "ordered_at": fmt.timestamps(cal.start, recall.order_created),
        "amount": fmt.money(amount),
        "status": np.full(n, "paid"),
        "paid_at": fmt.timestamps(cal.start, recall.order_created + rng.integers(10, 900, n)),
        "refund_amount": fmt.money(np.zeros(n, dtype=np.int64)),
        "channel": np.full(n, "crm"),
        "product_id": np.array([p[0] for p in cat.GENERIC_PRODUCTS])[product],
        "quantity": fmt.integer(quantity),
        "currency": np.full(n, cat.GENERIC_CURRENCY),
        "store_id": np.full(n, cat.GENERIC_STORE_ID),
    }
