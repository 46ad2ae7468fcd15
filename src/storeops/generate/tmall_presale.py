"""Tmall pre-sale (预售) orders: a deposit (定金) in a festival's warm-up, the balance (尾款) at its burst.

Known by construction, so tests can check the warehouse against them:

- Deposits are taken on every warm-up day, about `PRESALE_SHARE` of that day's
  ordinary paid orders; the order is created when the deposit is paid (the
  platform closes a pre-sale order whose deposit is not paid within 30 minutes).
- The deposit is `DEPOSIT_SHARE` of the price, in whole yuan.
- The balance is paid on the festival's first burst day by `1 - LOST_SHARE` of
  the buyers; the order then counts as paid (in GMV, Sycm's 支付金额 and paying
  buyers) on that day, for its whole amount (deposit + balance).
- The others never pay the balance: the order closes (交易关闭, 买家未付款) and the
  deposit is not refunded, the platform's rule when the buyer fails to pay the
  balance in time. Deposits whose burst lies after the window's last day are
  still waiting (等待买家付款).

Drawn from their own random stream after the ordinary orders, which they do not
change; the Sycm figures of the burst days include them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.fmt import NO_TIME
from storeops.generate.sampling import SECONDS_PER_DAY, seconds_of_day
from storeops.generate.tmall_orders import Orders
from storeops.generate.tmall_shop import Listings

PRESALE_SHARE = 0.12
"""Deposits per warm-up day, as a share of that day's ordinary paid orders."""
DEPOSIT_SHARE = 0.2
"""Deposit / price (Tmall caps a pre-sale deposit at 20 % of the price)."""
LOST_SHARE = 0.15
"""Share of deposits never followed by the balance (deposit kept by the shop)."""
DEPOSIT_DELAY_SECONDS = (10, 600)


@dataclass(frozen=True)
class Presale:
    """The pre-sale orders, as `Orders` whose `day` is the day they count (balance day, else deposit day)."""

    orders: Orders
    deposit_cents: np.ndarray
    deposit_paid: np.ndarray
    """seconds"""
    waiting: np.ndarray
    """bool: deposit paid, balance not due before the window ends"""


def _first_burst_after(cal: Calendar) -> np.ndarray:
    """Per day: the next burst day on or after it (-1 when the window ends first)."""
    burst_days = np.append(np.flatnonzero(cal.in_phases("burst")), -1)  # -1: no burst left in the window
    return burst_days[np.searchsorted(burst_days[:-1], np.arange(cal.days))]


def _pick_products(
    rng: np.random.Generator, listings: Listings, deposit_day: np.ndarray, count_day: np.ndarray
) -> np.ndarray:
    """A product on sale both on the deposit day and on the day the order counts; -1 when none is."""
    on_sale = listings.on_sale[deposit_day] & listings.on_sale[count_day]
    weights = np.where(on_sale, listings.demand[deposit_day], 0.0)
    totals = weights.sum(axis=1)
    cumulative = np.cumsum(weights, axis=1)
    draw = rng.random(len(deposit_day)) * totals
    product = (cumulative < draw[:, None]).sum(axis=1)
    return np.where(totals > 0, product, -1)


def _like_orders(rng: np.random.Generator, ordinary: Orders, day: np.ndarray) -> np.ndarray:
    """Per pre-sale order, a random ordinary non-paid-search order of its day; -1 when the day has none."""
    ztc = [s.label for s in cat.TMALL_SOURCES].index(cat.TMALL_ZTC_SOURCE)
    pool = np.flatnonzero(ordinary.source != ztc)
    if not len(pool):
        return np.full(len(day), -1)
    pool = pool[np.argsort(ordinary.day[pool], kind="stable")]
    first = np.searchsorted(ordinary.day[pool], day, side="left")
    count = np.searchsorted(ordinary.day[pool], day, side="right") - first
    offset = np.floor(rng.random(len(day)) * np.maximum(count, 1)).astype(np.int64)
    return np.where(count > 0, pool[np.minimum(first + offset, len(pool) - 1)], -1)


def simulate_presale(
    rng: np.random.Generator, cal: Calendar, listings: Listings, ordinary: Orders, modelled: np.ndarray
) -> Presale:
    """Pre-sale orders of every warm-up day in the window; `modelled`: (days, sources) visitors."""
    warm_up = cal.in_phases("warm_up")
    paid_per_day = np.bincount(ordinary.day[ordinary.is_paid], minlength=cal.days)
    counts = rng.poisson(np.where(warm_up, paid_per_day * PRESALE_SHARE, 0.0))
    deposit_day = np.repeat(np.arange(cal.days), counts)
    n = len(deposit_day)
    burst_day = _first_burst_after(cal)[deposit_day]
    waiting = burst_day < 0
    is_paid = ~waiting & (rng.random(n) >= LOST_SHARE)
    day = np.where(is_paid, burst_day, deposit_day)
    product = _pick_products(rng, listings, deposit_day, day)
    keep = product >= 0
    # buyer and source: those of an ordinary order of the day the order counts (no new people; a source
    # active that day; not paid search, whose orders buy the promoted products)
    like = _like_orders(rng, ordinary, day)
    keep = keep & (like >= 0)
    like = np.maximum(like, 0)
    keep = keep & (modelled[deposit_day, ordinary.source[like]] > 0)  # the source is active on both days
    created = deposit_day * SECONDS_PER_DAY + seconds_of_day(rng, np.zeros(n, dtype=bool))
    day_end = (deposit_day + 1) * SECONDS_PER_DAY - 1
    deposit_paid = np.minimum(created + rng.integers(*DEPOSIT_DELAY_SECONDS, n), day_end)
    balance = burst_day * SECONDS_PER_DAY + seconds_of_day(rng, np.ones(n, dtype=bool))
    paid = np.where(is_paid, np.maximum(balance, deposit_paid + 1), NO_TIME)
    # the pre-sale price is the burst price, fixed when the deposit is paid
    price = np.rint(listings.price_cents[np.maximum(product, 0)] * cat.PHASE_DISCOUNT["burst"]).astype(np.int64)
    deposit = (price * DEPOSIT_SHARE // 100 * 100).astype(np.int64)
    shipped = np.where(is_paid, paid + rng.integers(20, 72, n) * 3600, NO_TIME)
    confirmed = np.where(is_paid, shipped + rng.integers(2, 10, n) * SECONDS_PER_DAY, NO_TIME)
    orders = Orders(
        day=day[keep],
        source=ordinary.source[like][keep],
        product=product[keep],
        buyer=ordinary.buyer[like][keep],
        is_paid=is_paid[keep],
        created=created[keep],
        paid=paid[keep],
        quantity=np.ones(int(keep.sum()), dtype=np.int64),
        goods_cents=price[keep],
        postage_cents=np.zeros(int(keep.sum()), dtype=np.int64),
        shipped=shipped[keep],
        confirmed=confirmed[keep],
    )
    return Presale(orders, deposit[keep], deposit_paid[keep], waiting[keep])


def combine(ordinary: Orders, presale: Presale) -> Orders:
    """The ordinary orders followed by the pre-sale ones (ordinary indices unchanged)."""
    fields = Orders.__dataclass_fields__
    return Orders(**{f: np.concatenate([getattr(ordinary, f), getattr(presale.orders, f)]) for f in fields})
