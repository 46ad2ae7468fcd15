"""The Tmall shop's listings and traffic: products, stock-outs and visitors per source.

Everything here is per day (and per product or source); orders are drawn from
it in `tmall_orders`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import noise, unique_digits

STOCKOUTS_PER_PRODUCT_YEAR = 1.6
STOCKOUT_DAYS = (2, 8)


@dataclass(frozen=True)
class Listings:
    """The shop's products over the window."""

    product_id: np.ndarray
    """12-digit 商品ID"""
    created_day: np.ndarray
    """day offset of 商品发布时间 (negative: before the window)"""
    price_cents: np.ndarray
    listed: np.ndarray
    """(days, products) bool: the listing exists that day"""
    stockout: np.ndarray
    """(days, products) bool: listed but sold out (taken off sale)"""
    demand: np.ndarray
    """(days, products) relative demand: popularity × season × launch boost"""

    @property
    def on_sale(self) -> np.ndarray:
        """(days, products) bool: can be bought."""
        return self.listed & ~self.stockout


def _created_days(days: int) -> np.ndarray:
    launch = np.array([p.launch for p in cat.TMALL_PRODUCTS])
    return np.where(launch < 0, launch, np.floor(launch * days)).astype(np.int64)


def _stockouts(rng: np.random.Generator, listed: np.ndarray) -> np.ndarray:
    """Runs of sold-out days per product (a few per product and year)."""
    days, products = listed.shape
    per_product = rng.poisson(STOCKOUTS_PER_PRODUCT_YEAR * days / 365, products)
    product = np.repeat(np.arange(products), per_product)
    first = rng.integers(0, days, len(product))
    last = np.minimum(first + rng.integers(*STOCKOUT_DAYS, len(product)), days)
    edges = np.zeros((days + 1, products), dtype=np.int64)
    np.add.at(edges, (first, product), 1)
    np.add.at(edges, (last, product), -1)
    return (np.cumsum(edges, axis=0)[:days] > 0) & listed


def build_listings(rng: np.random.Generator, cal: Calendar) -> Listings:
    """Products with creation dates, stock-outs and daily demand."""
    created = _created_days(cal.days)
    day = np.arange(cal.days)[:, None]
    listed = day >= created[None, :]
    age = day - created[None, :]
    boost = np.where((created[None, :] >= 0) & (age < cat.NEW_LAUNCH_BOOST_DAYS), cat.NEW_LAUNCH_BOOST, 1.0)
    season = np.stack([cal.season(p.season) for p in cat.TMALL_PRODUCTS], axis=1)
    weight = np.array([p.weight for p in cat.TMALL_PRODUCTS])
    return Listings(
        product_id=unique_digits(rng, len(cat.TMALL_PRODUCTS), (10, 10), 2),
        created_day=created,
        price_cents=np.array([round(p.price * 100) for p in cat.TMALL_PRODUCTS], dtype=np.int64),
        listed=listed,
        stockout=_stockouts(rng, listed),
        demand=weight[None, :] * season * boost * listed,
    )


def source_visitors(rng: np.random.Generator, cal: Calendar, scale: float) -> np.ndarray:
    """(days, sources) modelled visitors per Sycm traffic source."""
    festival = cal.in_festival[:, None]
    seeding = (cal.seeding >= 0)[:, None]
    member = cal.member_day[:, None]
    src = cat.TMALL_SOURCES
    share = np.array([s.visitor_share for s in src])[None, :]
    boost = (
        np.where(festival, [s.festival_boost for s in src], 1.0)
        * np.where(seeding, [s.seeding_boost for s in src], 1.0)
        * np.where(member, np.array([s.member_day_boost for s in src]) * cat.TMALL_MEMBER_DAY_TRAFFIC, 1.0)
        * np.where(~member & np.array([s.member_day_only for s in src]), 0.0, 1.0)
    )
    day = (
        scale
        * cat.TMALL_DAILY_VISITORS
        * cal.weekday_factor(cat.WEEKDAY_TRAFFIC)
        * cal.by_phase(cat.PHASE_TRAFFIC)
        * np.where(cal.theme_week, cat.THEME_WEEK_TRAFFIC, 1.0)
    )
    return day[:, None] * share * boost * noise(rng, cal.days * len(src), 0.07).reshape(cal.days, len(src))


def source_conversion(rng: np.random.Generator, cal: Calendar) -> np.ndarray:
    """(days, sources) paid orders per visitor."""
    base = np.array([s.conversion for s in cat.TMALL_SOURCES])[None, :]
    day = (
        cal.by_phase(cat.PHASE_CONVERSION)
        * np.where(cal.member_day, cat.MEMBER_DAY_CONVERSION, 1.0)
        * np.where(cal.theme_week, cat.THEME_WEEK_CONVERSION, 1.0)
    )
    return base * day[:, None] * noise(rng, cal.days * len(cat.TMALL_SOURCES), 0.08).reshape(cal.days, -1)


def source_product_weights(listings: Listings) -> np.ndarray:
    """(days * sources, products) weights of the product an order from a source buys.

    Paid-search orders buy promoted products (any product on a day none is on
    sale); nothing sold out can be bought.
    """
    promoted = np.array([p.ztc_plan is not None for p in cat.TMALL_PRODUCTS])
    base = listings.demand * listings.on_sale
    ads = base * promoted
    ads = np.where(ads.sum(axis=1, keepdims=True) > 0, ads, base)
    per_source = np.stack([ads if s.label == cat.TMALL_ZTC_SOURCE else base for s in cat.TMALL_SOURCES], axis=1)
    return per_source.reshape(-1, base.shape[1])
