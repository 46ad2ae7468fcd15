"""Tmall orders: drawn per day and source from the modelled traffic, one product each.

Each order keeps its hidden traffic source, so every Sycm figure can be
recomputed from the order export. Times are seconds since the window's first
midnight, China time; payment happens on the day the order was created.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.fmt import NO_TIME
from storeops.generate.sampling import (
    SECONDS_PER_DAY,
    assign_people,
    categorical,
    choose,
    seconds_of_day,
)
from storeops.generate.tmall_shop import (
    Listings,
    source_conversion,
    source_product_weights,
)

HOUR = 3600


@dataclass(frozen=True)
class Orders:
    """One entry per order, sorted by creation time."""

    day: np.ndarray
    source: np.ndarray
    product: np.ndarray
    buyer: np.ndarray
    is_paid: np.ndarray
    created: np.ndarray
    paid: np.ndarray
    """NO_TIME when unpaid"""
    quantity: np.ndarray
    goods_cents: np.ndarray
    postage_cents: np.ndarray
    shipped: np.ndarray
    """when the shop would ship if nothing intervened (refunds and the snapshot decide later)"""
    confirmed: np.ndarray

    def __len__(self) -> int:
        return len(self.day)

    @property
    def total_cents(self) -> np.ndarray:
        """总金额: goods + postage."""
        return self.goods_cents + self.postage_cents

    @property
    def paid_cents(self) -> np.ndarray:
        """买家实际支付金额 at payment (0 when unpaid)."""
        return np.where(self.is_paid, self.total_cents, 0)

    @property
    def unit_cents(self) -> np.ndarray:
        """Price paid per unit."""
        return self.goods_cents // self.quantity


def _counts(rng: np.random.Generator, cal: Calendar, visitors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(paid, unpaid) order counts per (day, source)."""
    paid = rng.poisson(visitors * source_conversion(rng, cal))
    unpaid = rng.poisson(paid * cat.TMALL_UNPAID_SHARE)
    return paid, unpaid


def _times(
    rng: np.random.Generator, cal: Calendar, day: np.ndarray, is_paid: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(created, paid) seconds; payment follows within the same day."""
    burst = cal.in_phases("burst")[day]
    second = seconds_of_day(rng, burst)
    delay = np.where(rng.random(len(day)) < 0.7, rng.integers(5, 90, len(day)), rng.integers(90, 1800, len(day)))
    delay = np.minimum(delay, SECONDS_PER_DAY - 1 - second)
    created = day * SECONDS_PER_DAY + second
    return created, np.where(is_paid, created + delay, NO_TIME)


def _amounts(
    rng: np.random.Generator, cal: Calendar, listings: Listings, day: np.ndarray, product: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(quantity, goods cents, postage cents); on member days most buyers use the member coupon."""
    n = len(day)
    quantity = choose(rng, cat.TMALL_QUANTITY_P, n) + 1
    coupon = cal.member_day[day] & (rng.random(n) < cat.MEMBER_DAY_COUPON_USE)
    discount = cal.by_phase(cat.PHASE_DISCOUNT)[day] * np.where(coupon, cat.MEMBER_DAY_DISCOUNT, 1.0)
    unit = np.rint(listings.price_cents[product] * discount).astype(np.int64)
    goods = unit * quantity
    postage = np.where(
        (goods < cat.FREE_POSTAGE_FROM * 100) & (rng.random(n) < cat.POSTAGE_SHARE_BELOW_FREE),
        round(cat.POSTAGE * 100),
        0,
    )
    return quantity, goods, postage.astype(np.int64)


def _fulfilment(
    rng: np.random.Generator, cal: Calendar, day: np.ndarray, paid: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(shipped, confirmed) seconds for paid orders; festivals ship slower."""
    busy = cal.in_phases("burst", "long_tail")[day]
    hours = rng.lognormal(np.log(np.where(busy, 55.0, 20.0)), 0.6)
    shipped = paid + np.maximum(np.rint(hours * HOUR), HOUR // 2).astype(np.int64)
    confirmed = shipped + rng.integers(2 * SECONDS_PER_DAY, 10 * SECONDS_PER_DAY, len(day))
    unpaid = paid == NO_TIME
    return np.where(unpaid, NO_TIME, shipped), np.where(unpaid, NO_TIME, confirmed)


def simulate_orders(rng: np.random.Generator, cal: Calendar, listings: Listings, visitors: np.ndarray) -> Orders:
    """Every order of the window (paid and unpaid), sorted by creation time."""
    n_sources = len(cat.TMALL_SOURCES)
    paid_n, unpaid_n = _counts(rng, cal, visitors)
    cell = np.arange(cal.days * n_sources)
    cell = np.concatenate([np.repeat(cell, paid_n.ravel()), np.repeat(cell, unpaid_n.ravel())])
    is_paid = np.arange(len(cell)) < paid_n.sum()
    day, source = cell // n_sources, cell % n_sources
    product = categorical(rng, source_product_weights(listings), cell)
    created, paid = _times(rng, cal, day, is_paid)
    order = np.lexsort((np.arange(len(day)), created))
    day, source, product, is_paid, created, paid = (a[order] for a in (day, source, product, is_paid, created, paid))
    returning = np.select(
        [cal.theme_week, cal.member_day],
        [cat.TMALL_THEME_WEEK_RETURNING_SHARE, cat.TMALL_MEMBER_DAY_RETURNING_SHARE],
        cat.TMALL_RETURNING_SHARE,
    )
    buyer = assign_people(rng, np.bincount(day, minlength=cal.days), returning)
    quantity, goods, postage = _amounts(rng, cal, listings, day, product)
    shipped, confirmed = _fulfilment(rng, cal, day, paid)
    return Orders(day, source, product, buyer, is_paid, created, paid, quantity, goods, postage, shipped, confirmed)
