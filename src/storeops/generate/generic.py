"""The generic order export and its order items: a small third shop with repeat customers; its coupon recall; and
its inventory snapshots (generate/stock.py).

The shop runs the calendar's member day (the rule is for `all` platforms): orders × MEMBER_DAY_GMV_LIFT on member
days (DECISIONLOG B7).

UTF-8 without BOM, LF line ends, plain decimals: the door for any other
platform or a public data set. The recall (`generic_recall`, experiment
`EXP-RECALL`) draws from its own child seed, so the shop's ordinary orders are
the same with or without it; its extra orders join the order export in time
order and its assignment list is the `generic/experiment_assignments` export.
"""

from __future__ import annotations

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.generic_recall import assignments_export, recall_orders, simulate_recall
from storeops.generate.order_items import generic_items_export
from storeops.generate.sampling import (
    SECONDS_PER_DAY,
    assign_people,
    choose,
    noise,
    seconds_of_day,
    unique_digits,
)
from storeops.generate.service_tickets import generic_tickets_export
from storeops.generate.stock import generic_inventory_export
from storeops.generate.writer import Export, table_export

PLATFORM = "generic"


def generic_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """The generic order export (recall orders included) and the recall's assignment list."""
    rng = np.random.default_rng(seed)
    recall_rng = np.random.default_rng(seed.spawn(1)[0])
    mean = (
        scale
        * cat.GENERIC_DAILY_ORDERS
        * cal.weekday_factor(cat.WEEKDAY_TRAFFIC)
        * cal.by_phase(cat.PHASE_TRAFFIC)
        * np.where(cal.member_day, cat.MEMBER_DAY_GMV_LIFT, 1.0)
    )
    counts = rng.poisson(mean * np.sqrt(cal.by_phase(cat.PHASE_CONVERSION)) * noise(rng, cal.days, 0.1))
    day = np.repeat(np.arange(cal.days), counts)
    n = len(day)
    created = np.sort(day * SECONDS_PER_DAY + seconds_of_day(rng, cal.in_phases("burst")[day]))
    customer = assign_people(rng, counts, np.full(cal.days, cat.GENERIC_RETURNING_SHARE))
    product = choose(rng, [p[2] for p in cat.GENERIC_PRODUCTS], n)
    quantity = choose(rng, cat.GENERIC_QUANTITY_P, n) + 1
    amount = np.array([round(p[1] * 100) for p in cat.GENERIC_PRODUCTS], dtype=np.int64)[product] * quantity
    status = choose(rng, [p for _, p in cat.GENERIC_STATUS_P], n)
    labels = np.array([s for s, _ in cat.GENERIC_STATUS_P])
    paid = labels[status] != "cancelled"
    refunded = labels[status] == "refunded"
    refund = np.where(rng.random(n) < 0.75, amount, np.rint(amount * rng.uniform(0.2, 0.6, n)).astype(np.int64))
    columns = {
        "order_id": np.strings.add("G", unique_digits(rng, n, (3, 3), 7)),
        "customer_id": np.strings.add("cust_", fmt.padded(customer, 6)),
        "ordered_at": fmt.timestamps(cal.start, created),
        "amount": fmt.money(amount),
        "status": labels[status],
        "paid_at": fmt.timestamps(cal.start, np.where(paid, created + rng.integers(10, 900, n), fmt.NO_TIME)),
        "refund_amount": np.where(paid, fmt.money(np.where(refunded, refund, 0)), ""),
        "channel": np.array([c for c, _, _ in cat.GENERIC_CHANNELS])[
            choose(rng, [p for _, _, p in cat.GENERIC_CHANNELS], n)
        ],
        "product_id": np.array([p[0] for p in cat.GENERIC_PRODUCTS])[product],
        "quantity": fmt.integer(quantity),
        "currency": np.full(n, cat.GENERIC_CURRENCY),
        "store_id": np.full(n, cat.GENERIC_STORE_ID),
    }
    recall = simulate_recall(recall_rng, cal, customer, created, paid)
    extra = recall_orders(recall_rng, cal, recall)
    created = np.concatenate([created, recall.order_created])
    order = np.argsort(created, kind="stable")
    columns = {name: np.concatenate([values, extra[name]])[order] for name, values in columns.items()}
    month = cal.month_key[created[order] // SECONDS_PER_DAY]
    items_rng = np.random.default_rng(seed.spawn(1)[0])  # the seed's second child: the orders stay as they were
    columns |= _shipments(np.random.default_rng(seed.spawn(1)[0]), cal, columns)  # the third child
    items = generic_items_export(columns, month, items_rng)
    stock_rng = np.random.default_rng(seed.spawn(1)[0])  # the fourth child: the files above stay as they were
    tickets_rng = np.random.default_rng(seed.spawn(1)[0])  # the fifth child
    return [
        table_export(PLATFORM, "orders", month, columns),
        items,
        assignments_export(cal, recall),
        generic_tickets_export(columns, cal, tickets_rng),
        generic_inventory_export(cal, items, stock_rng),
    ]


def _shipments(rng: np.random.Generator, cal: Calendar, columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """`shipped_at` and `carrier` of the orders: paid orders ship GENERIC_SHIP_HOURS after payment (slower in a
    festival's burst and long tail), fully refunded ones are mostly refunded before they ship, and nothing ships
    after the export's last day."""
    paid = np.asarray(columns["paid_at"], dtype="datetime64[s]")
    start = np.datetime64(cal.start, "s")
    paid_s = np.where(np.isnat(paid), fmt.NO_TIME, (paid - start).astype(np.int64))
    n = len(paid_s)
    is_paid = paid_s != fmt.NO_TIME
    day = np.clip(np.where(is_paid, paid_s, 0) // SECONDS_PER_DAY, 0, cal.days - 1)
    median = np.where(cal.in_phases("burst", "long_tail")[day], cat.GENERIC_SHIP_HOURS_BUSY, cat.GENERIC_SHIP_HOURS)
    hours = rng.lognormal(np.log(median), 0.6)
    refunded_unshipped = (columns["status"] == "refunded") & (columns["refund_amount"] == columns["amount"])
    refunded_unshipped &= rng.random(n) < cat.GENERIC_REFUNDED_BEFORE_SHIPPING
    shipped = np.where(is_paid & ~refunded_unshipped, paid_s + np.rint(hours * 3600).astype(np.int64), fmt.NO_TIME)
    shipped = np.where(shipped >= cal.days * SECONDS_PER_DAY, fmt.NO_TIME, shipped)
    carrier = np.array([c for c, _ in cat.GENERIC_CARRIERS])[choose(rng, [p for _, p in cat.GENERIC_CARRIERS], n)]
    return {
        "shipped_at": fmt.timestamps(cal.start, shipped),
        "carrier": np.where(shipped != fmt.NO_TIME, carrier, ""),
    }

