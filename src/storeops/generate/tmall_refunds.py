"""Tmall refunds and the state of every order on the export day.

Refunds are requested after payment (stock-outs before shipping, the rest
after delivery), completed after they were requested, and only what happened
by the end of the window is exported: later requests are dropped, unfinished
ones are 退款中. The order export's 退款金额 is the sum of an order's
successful refunds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.fmt import NO_TIME
from storeops.generate.sampling import SECONDS_PER_DAY, choose, unique_digits
from storeops.generate.tmall_orders import HOUR, Orders
from storeops.generate.tmall_shop import Listings

REASONS: tuple[str, ...] = (cat.REFUND_REASON_STOCKOUT, *(r[0] for r in cat.REFUND_REASONS))
"""Reason codes: 0 is the stock-out, then `catalog.REFUND_REASONS` in order."""
STATUSES: tuple[str, ...] = ("success", "closed", "open")
"""Status codes (index) → keys of `catalog.REFUND_STATUS`."""
SUCCESS, CLOSED, OPEN = range(len(STATUSES))


@dataclass(frozen=True)
class Refunds:
    """One entry per refund request, sorted by request time."""

    refund_id: np.ndarray
    order: np.ndarray
    """index into the orders"""
    requested: np.ndarray
    completed: np.ndarray
    """NO_TIME while open"""
    status: np.ndarray
    """SUCCESS, CLOSED or OPEN"""
    reason: np.ndarray
    """index into REASONS"""
    amount_cents: np.ndarray
    needs_return: np.ndarray
    closes_order: np.ndarray
    """the refund takes back the whole order"""


@dataclass(frozen=True)
class OrderState:
    """Each order as the export shows it on the last day."""

    status: np.ndarray
    close_reason: np.ndarray
    shipped: np.ndarray
    confirmed: np.ndarray
    refund_cents: np.ndarray


def _stockout_requests(
    rng: np.random.Generator, cal: Calendar, listings: Listings, orders: Orders
) -> dict[str, np.ndarray]:
    """Orders paid just before their product sold out, which the shop cannot ship."""
    soon = np.zeros_like(listings.stockout)
    soon[:-1] |= listings.stockout[1:]
    soon[:-2] |= listings.stockout[2:]
    hit = orders.is_paid & soon[orders.day, orders.product] & (rng.random(len(orders)) < cat.STOCKOUT_REFUND_SHARE)
    idx = np.flatnonzero(hit)
    requested = orders.paid[idx] + rng.integers(2 * HOUR, 30 * HOUR, len(idx))
    return {
        "order": idx,
        "requested": requested,
        "completed": requested + rng.integers(HOUR, 24 * HOUR, len(idx)),
        "status": np.full(len(idx), SUCCESS),
        "reason": np.zeros(len(idx), dtype=np.int64),
        "amount_cents": orders.paid_cents[idx],
        "needs_return": np.zeros(len(idx), dtype=bool),
        "closes_order": np.ones(len(idx), dtype=bool),
    }


def _after_sale_requests(
    rng: np.random.Generator, cal: Calendar, orders: Orders, exclude: np.ndarray
) -> dict[str, np.ndarray]:
    """Returns and compensations requested after delivery."""
    share = cat.REFUND_SHARE * np.where(cal.in_festival[orders.day], 1.3, 1.0)
    candidate = orders.is_paid & (rng.random(len(orders)) < share)
    candidate[exclude] = False
    idx = np.flatnonzero(candidate)
    n = len(idx)
    kind = choose(rng, [r[1] for r in cat.REFUND_REASONS], n)
    needs_return = np.array([r[2] for r in cat.REFUND_REASONS])[kind]
    part = np.array([r[3] for r in cat.REFUND_REASONS])[kind]
    quantity = orders.quantity[idx]
    size_swap = (np.asarray(REASONS)[kind + 1] == "尺码不合适") & (quantity > 1) & (rng.random(n) < 0.6)
    units = np.where((part < 1) | size_swap, 1, quantity)
    amount = np.rint(orders.unit_cents[idx] * units * part).astype(np.int64)
    requested = orders.shipped[idx] + rng.integers(SECONDS_PER_DAY, 7 * SECONDS_PER_DAY, n)
    success = rng.random(n) < cat.REFUND_SUCCESS_SHARE
    delay = np.where(
        success, rng.integers(2 * HOUR, 4 * SECONDS_PER_DAY, n), rng.integers(SECONDS_PER_DAY, 7 * SECONDS_PER_DAY, n)
    )
    return {
        "order": idx,
        "requested": requested,
        "completed": requested + delay,
        "status": np.where(success, SUCCESS, CLOSED),
        "reason": kind + 1,
        "amount_cents": amount,
        "needs_return": needs_return,
        "closes_order": needs_return & (units == quantity),
    }


def _retries(rng: np.random.Generator, first: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """A second, successful request after some closed ones."""
    again = (first["status"] == CLOSED) & (rng.random(len(first["status"])) < cat.REFUND_RETRY_SHARE)
    retry = {k: v[again] for k, v in first.items()}
    retry["requested"] = retry["completed"] + rng.integers(12 * HOUR, 3 * SECONDS_PER_DAY, int(again.sum()))
    retry["completed"] = retry["requested"] + rng.integers(2 * HOUR, 3 * SECONDS_PER_DAY, int(again.sum()))
    retry["status"] = np.full(int(again.sum()), SUCCESS)
    return retry


def simulate_refunds(rng: np.random.Generator, cal: Calendar, listings: Listings, orders: Orders) -> Refunds:
    """Every refund request made by the end of the window."""
    stockout = _stockout_requests(rng, cal, listings, orders)
    after_sale = _after_sale_requests(rng, cal, orders, stockout["order"])
    parts = [stockout, after_sale, _retries(rng, after_sale)]
    rows = {k: np.concatenate([p[k] for p in parts]) for k in stockout}
    end = cal.days * SECONDS_PER_DAY
    keep = rows["requested"] < end
    rows = {k: v[keep] for k, v in rows.items()}
    still_open = rows["completed"] >= end
    rows["status"] = np.where(still_open, OPEN, rows["status"])
    rows["completed"] = np.where(still_open, NO_TIME, rows["completed"])
    order = np.lexsort((rows["order"], rows["requested"]))
    rows = {k: v[order] for k, v in rows.items()}
    return Refunds(refund_id=unique_digits(rng, len(order), (8, 8), 7), **rows)


def order_state(cal: Calendar, orders: Orders, refunds: Refunds) -> OrderState:
    """Status, close reason, ship and confirm times and refunded amount of every order on the last day."""
    n = len(orders)
    end = cal.days * SECONDS_PER_DAY
    success = refunds.status == SUCCESS
    refund_cents = np.bincount(refunds.order, weights=np.where(success, refunds.amount_cents, 0), minlength=n).astype(
        np.int64
    )
    never_shipped = np.zeros(n, dtype=bool)
    never_shipped[refunds.order[refunds.reason == 0]] = True
    closing = (
        success & refunds.closes_order & ((refunds.reason == 0) | (refunds.requested < orders.confirmed[refunds.order]))
    )
    closed_by_refund = np.zeros(n, dtype=bool)
    closed_by_refund[refunds.order[closing]] = True

    shipped = np.where(never_shipped | (orders.shipped >= end), NO_TIME, orders.shipped)
    confirmed = np.where((shipped == NO_TIME) | closed_by_refund | (orders.confirmed >= end), NO_TIME, orders.confirmed)
    unpaid_open = ~orders.is_paid & (orders.created >= end - SECONDS_PER_DAY)
    status = np.select(
        [unpaid_open, ~orders.is_paid, closed_by_refund, shipped == NO_TIME, confirmed == NO_TIME],
        [cat.ORDER_STATUS[k] for k in ("unpaid", "closed", "closed", "paid", "shipped")],
        cat.ORDER_STATUS["success"],
    )
    close_reason = np.select(
        [~orders.is_paid & ~unpaid_open, closed_by_refund],
        [cat.CLOSE_REASON_UNPAID, cat.CLOSE_REASON_REFUND],
        "",
    )
    return OrderState(
        status=status, close_reason=close_reason, shipped=shipped, confirmed=confirmed, refund_cents=refund_cents
    )
