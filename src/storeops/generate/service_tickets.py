"""The service ticket exports (Tmall 客服工单, generic service_tickets): complaints about the orders already made.

Each paid order draws at most one ticket; a ticket type's chance per paid order is `catalog.TICKET_TYPES`'
rate, times 1 + effect for the orders paid from a dated fix on (`catalog.TICKET_FIXES`: same-city delivery cuts
logistics-speed tickets, better photos cut not-as-described ones), so the before/after analysis has a shift
to find. A few tickets (questions before buying) name no order. A ticket is opened 1 hour to 12 days after
payment, is resolved after an exponential wait (`TICKET_RESOLUTION_MEAN_HOURS`) or stays open, and only
tickets opened inside the window are exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import SECONDS_PER_DAY, choose, unique_digits
from storeops.generate.writer import Export, table_export

if TYPE_CHECKING:
    from storeops.generate.tmall import TmallShop

HOUR = 3600
OPEN_SHARE = 0.03


@dataclass(frozen=True)
class Tickets:
    """One entry per ticket, sorted by creation time."""

    order: np.ndarray
    """index into the orders, -1 for a ticket without an order"""
    kind: np.ndarray
    """index into catalog.TICKET_TYPES"""
    created: np.ndarray
    resolved: np.ndarray
    """NO_TIME while open"""
    satisfaction: np.ndarray
    """index into catalog.TICKET_SATISFACTION, -1 when not rated (open tickets)"""


def ticket_rates(cal: Calendar, paid_day: np.ndarray) -> np.ndarray:
    """(orders × ticket types) chance of a ticket of each type, with the dated fixes applied."""
    rates = np.tile(np.array([t[4] for t in cat.TICKET_TYPES]), (len(paid_day), 1))
    for fix_date, category, effect in cat.TICKET_FIXES:
        after = paid_day >= (date.fromisoformat(fix_date) - cal.start).days
        hit = np.array([t[0] == category for t in cat.TICKET_TYPES])
        rates[np.ix_(after, hit)] *= 1 + effect
    return rates


def simulate_tickets(rng: np.random.Generator, cal: Calendar, paid: np.ndarray) -> Tickets:
    """Tickets for orders paid at `paid` (seconds from the window's start, NO_TIME when unpaid)."""
    idx = np.flatnonzero(paid != fmt.NO_TIME)
    cumulative = np.cumsum(ticket_rates(cal, paid[idx] // SECONDS_PER_DAY), axis=1)
    kind = (rng.random(len(idx))[:, None] >= cumulative).sum(axis=1)
    ticketed = kind < len(cat.TICKET_TYPES)
    order, kind = idx[ticketed], kind[ticketed]
    created = paid[order] + rng.integers(HOUR, 12 * SECONDS_PER_DAY, len(order))
    others = np.flatnonzero(np.array([t[0] == "other" for t in cat.TICKET_TYPES]))
    n_loose = int(round(len(order) * cat.TICKETS_WITHOUT_ORDER_SHARE))
    order = np.concatenate([order, np.full(n_loose, -1)])
    kind = np.concatenate([kind, rng.choice(others, n_loose)])
    created = np.concatenate([created, rng.integers(0, cal.days * SECONDS_PER_DAY, n_loose)])
    keep = created < cal.days * SECONDS_PER_DAY
    order, kind, created = order[keep], kind[keep], created[keep]
    wait = np.maximum(rng.exponential(cat.TICKET_RESOLUTION_MEAN_HOURS * HOUR, len(order)).astype(np.int64), 60)
    resolved = np.where(
        (rng.random(len(order)) < OPEN_SHARE) | (created + wait >= cal.days * SECONDS_PER_DAY),
        fmt.NO_TIME,
        created + wait,
    )
    rated = choose(rng, [p for _, p in cat.TICKET_SATISFACTION], len(order))
    satisfaction = np.where(resolved == fmt.NO_TIME, -1, rated)
    by_time = np.argsort(created, kind="stable")
    return Tickets(order[by_time], kind[by_time], created[by_time], resolved[by_time], satisfaction[by_time])


def _texts(values: tuple[str, ...], index: np.ndarray) -> np.ndarray:
    return np.where(index >= 0, np.asarray(values)[np.maximum(index, 0)], "")


def tmall_tickets_export(shop: TmallShop, rng: np.random.Generator) -> Export:
    """客服工单: one row per ticket, Chinese headers; 买家会员名 is the order's buyer."""
    o, cal = shop.orders, shop.cal
    t = simulate_tickets(rng, cal, np.where(o.is_paid, o.paid, fmt.NO_TIME))
    has_order = t.order >= 0
    columns = {
        "ticket_id": unique_digits(rng, len(t.order), (6, 6), 8),
        "order_id": np.where(has_order, shop.order_ids[np.maximum(t.order, 0)], ""),
        "buyer_nick": np.where(has_order, shop.people.nick[o.buyer[np.maximum(t.order, 0)]], ""),
        "created_at": fmt.timestamps(cal.start, t.created),
        "category": np.array([k[1] for k in cat.TICKET_TYPES])[t.kind],
        "sub_category": np.array([k[2] for k in cat.TICKET_TYPES])[t.kind],
        "status": np.where(t.resolved == fmt.NO_TIME, "处理中", "已完结"),
        "resolved_at": fmt.timestamps(cal.start, t.resolved),
        "satisfaction": _texts(tuple(s for s, _ in cat.TICKET_SATISFACTION), t.satisfaction),
        "agent": np.strings.add("客服", fmt.integer(rng.integers(1, 6, len(t.order)))),
    }
    return table_export("tmall", "service_tickets", cal.month_key[t.created // SECONDS_PER_DAY], columns)


def generic_tickets_export(orders: dict[str, np.ndarray], cal: Calendar, rng: np.random.Generator) -> Export:
    """generic/service_tickets from the generic order columns: English categories, satisfaction 5 / 3 / 1."""
    paid_text = orders["paid_at"]
    stamps = np.where(paid_text == "", "NaT", np.strings.replace(paid_text, " ", "T")).astype("datetime64[s]")
    seconds = (stamps - np.datetime64(cal.start, "s")).astype(np.int64)
    t = simulate_tickets(rng, cal, np.where(np.isnat(stamps), fmt.NO_TIME, seconds))
    has_order = t.order >= 0
    columns = {
        "ticket_id": np.strings.add("T", unique_digits(rng, len(t.order), (2, 2), 6)),
        "order_id": np.where(has_order, orders["order_id"][np.maximum(t.order, 0)], ""),
        "customer_id": np.where(has_order, orders["customer_id"][np.maximum(t.order, 0)], ""),
        "created_at": fmt.timestamps(cal.start, t.created),
        "category": np.array([k[0] for k in cat.TICKET_TYPES])[t.kind],
        "sub_category": np.array([k[3] for k in cat.TICKET_TYPES])[t.kind],
        "status": np.where(t.resolved == fmt.NO_TIME, "open", "solved"),
        "resolved_at": fmt.timestamps(cal.start, t.resolved),
        "satisfaction": _texts(("5", "3", "1"), t.satisfaction),
    }
    return table_export("generic", "service_tickets", cal.month_key[t.created // SECONDS_PER_DAY], columns)
