"""Tmall member export: a snapshot on the last day of the window.

Most repeat buyers join, a fifth of one-time buyers do, everybody who came
through a member-day push is a member before that order, and some members never
bought. 累计购买次数 / 累计消费金额 / 最近购买时间 count the member's paid
orders in the window (refunds not subtracted: the amount paid at payment).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.fmt import NO_TIME
from storeops.generate.sampling import SECONDS_PER_DAY, pick
from storeops.generate.tmall_orders import Orders

NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Members:
    """One entry per member, sorted by join time."""

    person: np.ndarray
    """index into the shop's people (buyers first, then members who never bought)"""
    joined: np.ndarray
    orders: np.ndarray
    amount_cents: np.ndarray
    last_purchase: np.ndarray
    """NO_TIME for members without orders"""
    level: np.ndarray
    points: np.ndarray
    channel: np.ndarray


def _per_buyer(orders: Orders, n_people: int) -> tuple[np.ndarray, ...]:
    """(paid orders, paid cents, first paid order created, last payment, first member-day-source order) per person."""
    paid = orders.is_paid
    buyer = orders.buyer[paid]
    count = np.bincount(buyer, minlength=n_people)
    cents = np.rint(np.bincount(buyer, weights=orders.paid_cents[paid], minlength=n_people)).astype(np.int64)
    first = np.full(n_people, NEVER)
    last = np.full(n_people, NO_TIME)
    np.minimum.at(first, buyer, orders.created[paid])
    np.maximum.at(last, buyer, orders.paid[paid])
    member_day_source = [s.label for s in cat.TMALL_SOURCES].index(cat.TMALL_MEMBER_DAY_SOURCE)
    via_push = paid & (orders.source == member_day_source)
    first_push = np.full(n_people, NEVER)
    np.minimum.at(first_push, orders.buyer[via_push], orders.created[via_push])
    return count, cents, first, last, first_push


def _levels(cents: np.ndarray) -> np.ndarray:
    thresholds = np.array([t for _, t in cat.MEMBER_LEVELS]) * 100
    return pick([name for name, _ in cat.MEMBER_LEVELS], np.searchsorted(thresholds, cents, side="right") - 1)


def build_members(rng: np.random.Generator, cal: Calendar, orders: Orders, n_buyers: int, n_extra: int) -> Members:
    """Members among the `n_buyers` people with orders plus up to `n_extra` who never bought."""
    count, cents, first, last, first_push = _per_buyer(orders, n_buyers)
    pushed = first_push < NEVER
    share = np.where(count >= 2, cat.MEMBER_SHARE_REPEAT, np.where(count == 1, cat.MEMBER_SHARE_ONE_ORDER, 0.0))
    buyer = np.flatnonzero(pushed | (rng.random(n_buyers) < share))
    n = len(buyer)
    before = first[buyer] - rng.integers(0, 90 * SECONDS_PER_DAY, n)
    limit = np.minimum(first_push[buyer], last[buyer])
    later = first[buyer] + (rng.random(n) * (limit - first[buyer])).astype(np.int64)
    joined = np.where(rng.random(n) < 0.85, before, later)

    n_never = min(n_extra, round(n * cat.MEMBER_SHARE_NO_ORDER))
    never = n_buyers + np.arange(n_never)
    never_joined = rng.integers(-180 * SECONDS_PER_DAY, cal.days * SECONDS_PER_DAY, n_never)
    channel = np.where(
        pushed[buyer],
        cat.MEMBER_DAY_JOIN_CHANNEL,
        pick(cat.MEMBER_JOIN_CHANNELS, rng.integers(0, len(cat.MEMBER_JOIN_CHANNELS), n)),
    )
    never_channel = pick(cat.MEMBER_JOIN_CHANNELS, rng.integers(0, len(cat.MEMBER_JOIN_CHANNELS), n_never))

    person = np.concatenate([buyer, never])
    amount = np.concatenate([cents[buyer], np.zeros(n_never, np.int64)])
    joined_all = np.concatenate([joined, never_joined])
    order = np.lexsort((person, joined_all))
    return Members(
        person=person[order],
        joined=joined_all[order],
        orders=np.concatenate([count[buyer], np.zeros(n_never, np.int64)])[order],
        amount_cents=amount[order],
        last_purchase=np.concatenate([last[buyer], np.full(n_never, NO_TIME)])[order],
        level=_levels(amount)[order],
        points=(amount // 100 + 100)[order],
        channel=np.concatenate([channel, never_channel])[order],
    )
