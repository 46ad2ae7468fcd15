"""Zhitongche (直通车) report: clicks that feed Sycm's paid-search visitors.

Per day, the clicks over all promoted units are at least the 直通车 source's
visitors / 0.82..0.88; direct deals are the paid-search orders of the unit's
product that day, indirect deals are the platform's own extra attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import noise, normalise
from storeops.generate.tmall_orders import Orders
from storeops.generate.tmall_shop import Listings
from storeops.generate.tmall_traffic import Traffic, group_sum


@dataclass(frozen=True)
class ZtcReport:
    """One entry per (day, promoted product) row, sorted by day then product."""

    day: np.ndarray
    product: np.ndarray
    plan: np.ndarray
    impressions: np.ndarray
    clicks: np.ndarray
    spend_cents: np.ndarray
    direct_orders: np.ndarray
    direct_cents: np.ndarray
    indirect_orders: np.ndarray
    indirect_cents: np.ndarray
    favorites: np.ndarray
    carts: np.ndarray


def _plans(cal: Calendar, day: np.ndarray, product: np.ndarray) -> np.ndarray:
    """Plan of each row: the festival plan during festivals, the product's own plan otherwise."""
    own = np.array([p.ztc_plan or "" for p in cat.TMALL_PRODUCTS])[product]
    festival = cal.festival[day]
    festival_plan = np.array([cat.ZTC_FESTIVAL_PLAN[f.key] for f in cat.FESTIVALS])[np.maximum(festival, 0)]
    return np.where(festival >= 0, festival_plan, own)


def build_ztc(
    rng: np.random.Generator, cal: Calendar, listings: Listings, orders: Orders, traffic: Traffic
) -> ZtcReport:
    """The Zhitongche rows of the window."""
    n_prod = listings.demand.shape[1]
    promoted = np.array([p.ztc_plan is not None for p in cat.TMALL_PRODUCTS])
    ztc_source = [s.label for s in cat.TMALL_SOURCES].index(cat.TMALL_ZTC_SOURCE)
    sycm_visitors = traffic.source_visitors[:, ztc_source]
    total_clicks = np.ceil(sycm_visitors / rng.uniform(*cat.ZTC_CLICK_TO_VISITOR, cal.days)).astype(np.int64)

    listed = listings.demand * promoted
    weight = listed * ~listings.stockout  # sold-out units are paused, unless every unit is sold out
    weight = np.where(weight.sum(axis=1, keepdims=True) > 0, weight, listed)
    allocated = rng.multinomial(total_clicks, normalise(weight))

    paid_ztc = orders.is_paid & (orders.source == ztc_source)
    cell = orders.day[paid_ztc] * n_prod + orders.product[paid_ztc]
    direct_orders = np.bincount(cell, minlength=cal.days * n_prod).reshape(cal.days, n_prod)
    direct_cents = group_sum(cell, orders.paid_cents[paid_ztc], cal.days * n_prod).reshape(cal.days, n_prod)

    day, product = np.nonzero(listings.listed & promoted[None, :])
    clicks = np.maximum(allocated[day, product], direct_orders[day, product])
    ctr = rng.uniform(0.02, 0.045, len(day))
    impressions = np.where(clicks > 0, np.rint(clicks / ctr), rng.poisson(40, len(day))).astype(np.int64)
    base_cpc = rng.uniform(*cat.ZTC_CPC_YUAN, n_prod)[product]
    cpc = base_cpc * cal.by_phase(cat.ZTC_PHASE_CPC)[day] * noise(rng, len(day), 0.1)
    indirect = rng.poisson(direct_orders[day, product] * cat.ZTC_INDIRECT_PER_DIRECT + clicks * 0.004)
    indirect_cents = np.rint(indirect * listings.price_cents[product] * rng.uniform(0.9, 1.4, len(day))).astype(
        np.int64
    )
    return ZtcReport(
        day=day,
        product=product,
        plan=_plans(cal, day, product),
        impressions=impressions,
        clicks=clicks,
        spend_cents=np.rint(clicks * cpc * 100).astype(np.int64),
        direct_orders=direct_orders[day, product],
        direct_cents=direct_cents[day, product],
        indirect_orders=indirect,
        indirect_cents=indirect_cents,
        favorites=rng.binomial(clicks, 0.06),
        carts=rng.binomial(clicks, 0.09),
    )
