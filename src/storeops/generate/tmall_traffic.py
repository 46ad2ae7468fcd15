"""Sycm (生意参谋) figures derived from the orders, with visitors wrapped around them.

Buyer and money columns are recomputed from the orders, so they reconcile
exactly with the order export; visitor-side columns come from the traffic
model and are raised where needed so that every funnel is monotone:
visitors ≥ cart adders ≥ ordering buyers ≥ paying buyers, product visitors ≤
shop product viewers ≤ shop visitors ≤ Σ source visitors, and shop visitors ≥
the largest source.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import SECONDS_PER_DAY
from storeops.generate.tmall_orders import Orders
from storeops.generate.tmall_refunds import SUCCESS, Refunds
from storeops.generate.tmall_shop import Listings

SOURCE_OVERLAP = (1.12, 1.28)
"""Σ source visitors / shop visitors: people arrive through several sources."""
PRODUCT_OVERLAP = (1.15, 1.3)
"""Σ product visitors / shop product viewers: people view several products."""
VIEWER_SHARE = (0.85, 0.93)
"""Shop product viewers / shop visitors."""
PRODUCT_CART_RATE = 0.075
SEARCH_SHARE = (0.3, 0.45)
"""Search-led share of a product's visitors."""
PAGES_PER_VISITOR = (1.8, 3.0)
SOLD_OUT_INTEREST = 0.5
"""Visitors still land on a sold-out listing (from search, ads, bookmarks), fewer than usual."""


def distinct(group: np.ndarray, person: np.ndarray, n_groups: int) -> np.ndarray:
    """Number of distinct people per group."""
    pairs = np.unique(np.stack([group, person]), axis=1)
    return np.bincount(pairs[0], minlength=n_groups)


def group_sum(group: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """Integer sums per group."""
    return np.rint(np.bincount(group, weights=values, minlength=n_groups)).astype(np.int64)


@dataclass(frozen=True)
class OrderFacts:
    """Buyer and money counts from the orders, per cell of a grid (day × something)."""

    ordering_buyers: np.ndarray
    ordered_quantity: np.ndarray
    ordered_cents: np.ndarray
    paying_buyers: np.ndarray
    paid_orders: np.ndarray
    paid_quantity: np.ndarray
    paid_cents: np.ndarray
    new_paying_buyers: np.ndarray
    returning_paying_buyers: np.ndarray
    returning_cents: np.ndarray
    search_paying_buyers: np.ndarray


def order_facts(
    orders: Orders, cell: np.ndarray, shape: tuple[int, ...], ordering_cell: np.ndarray | None = None
) -> OrderFacts:
    """Order-side Sycm figures per cell; `cell` gives each order's flat cell index on the day it counts as paid,
    `ordering_cell` on the day it was placed (the same but for pre-sale orders; default `cell`)."""
    n = int(np.prod(shape))
    ordering_cell = cell if ordering_cell is None else ordering_cell
    paid = orders.is_paid
    first_paid_day = np.full(orders.buyer.max(initial=-1) + 1, np.iinfo(np.int64).max)
    np.minimum.at(first_paid_day, orders.buyer[paid], orders.day[paid])
    returning = paid & (orders.day > first_paid_day[orders.buyer])
    search_codes = [i for i, s in enumerate(cat.TMALL_SOURCES) if s.label in cat.TMALL_SEARCH_SOURCES]
    search = paid & np.isin(orders.source, search_codes)

    def reshape(a: np.ndarray) -> np.ndarray:
        return a.reshape(shape)

    return OrderFacts(
        ordering_buyers=reshape(distinct(ordering_cell, orders.buyer, n)),
        ordered_quantity=reshape(group_sum(ordering_cell, orders.quantity, n)),
        ordered_cents=reshape(group_sum(ordering_cell, orders.total_cents, n)),
        paying_buyers=reshape(distinct(cell[paid], orders.buyer[paid], n)),
        paid_orders=reshape(np.bincount(cell[paid], minlength=n)),
        paid_quantity=reshape(group_sum(cell[paid], orders.quantity[paid], n)),
        paid_cents=reshape(group_sum(cell[paid], orders.paid_cents[paid], n)),
        new_paying_buyers=reshape(distinct(cell[paid & ~returning], orders.buyer[paid & ~returning], n)),
        returning_paying_buyers=reshape(distinct(cell[returning], orders.buyer[returning], n)),
        returning_cents=reshape(group_sum(cell[returning], orders.paid_cents[returning], n)),
        search_paying_buyers=reshape(distinct(cell[search], orders.buyer[search], n)),
    )


@dataclass(frozen=True)
class Traffic:
    """Sycm grids: per (day, source), per (day, product) and per day."""

    source_active: np.ndarray
    source_visitors: np.ndarray
    source_page_views: np.ndarray
    source_cart_adders: np.ndarray
    source_facts: OrderFacts
    product_visitors: np.ndarray
    product_cart_adders: np.ndarray
    product_search_visitors: np.ndarray
    product_facts: OrderFacts
    product_refund_cents: np.ndarray
    shop_visitors: np.ndarray
    shop_product_viewers: np.ndarray
    shop_cart_adders: np.ndarray
    shop_facts: OrderFacts
    shop_refund_cents: np.ndarray


def _uniform(rng: np.random.Generator, bounds: tuple[float, float], shape: tuple[int, ...] | int) -> np.ndarray:
    """Uniform draws between the bounds."""
    return rng.uniform(bounds[0], bounds[1], shape)


def _source_side(
    rng: np.random.Generator, cal: Calendar, modelled: np.ndarray, facts: OrderFacts
) -> tuple[np.ndarray, np.ndarray]:
    """(visitors, cart adders) per (day, source)."""
    rate = (
        np.array([s.conversion * s.cart_factor for s in cat.TMALL_SOURCES])[None, :]
        * cal.by_phase(cat.PHASE_CART)[:, None]
    )
    visitors = np.rint(modelled).astype(np.int64)
    carts = np.maximum(facts.ordering_buyers, rng.binomial(visitors, np.minimum(rate, 0.9)))
    return np.maximum(visitors, carts), carts


def _product_side(
    rng: np.random.Generator, cal: Calendar, listings: Listings, shop_visitors: np.ndarray, facts: OrderFacts
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(visitors, cart adders, search visitors) per (day, product)."""
    interest = listings.demand * np.where(listings.stockout, SOLD_OUT_INTEREST, 1.0)
    share = interest / interest.sum(axis=1, keepdims=True)
    visitors = rng.poisson(shop_visitors[:, None] * np.mean(VIEWER_SHARE) * np.mean(PRODUCT_OVERLAP) * share)
    rate = PRODUCT_CART_RATE * cal.by_phase(cat.PHASE_CART)[:, None]
    carts = np.where(
        listings.on_sale, np.maximum(facts.ordering_buyers, rng.binomial(visitors, np.minimum(rate, 0.9))), 0
    )
    visitors = np.maximum(visitors, carts) * listings.listed
    search = np.minimum(
        visitors,
        np.maximum(
            np.rint(visitors * _uniform(rng, SEARCH_SHARE, visitors.shape)).astype(np.int64), facts.search_paying_buyers
        ),
    )
    return visitors, carts, search


def build_traffic(
    rng: np.random.Generator, cal: Calendar, listings: Listings, orders: Orders, refunds: Refunds, modelled: np.ndarray
) -> Traffic:
    """Every Sycm figure of the window."""
    days, n_src = modelled.shape
    n_prod = listings.demand.shape[1]
    placed = orders.created // SECONDS_PER_DAY  # the order day; `day` is the day it counts as paid
    src_facts = order_facts(
        orders, orders.day * n_src + orders.source, (days, n_src), placed * n_src + orders.source
    )
    prod_facts = order_facts(
        orders, orders.day * n_prod + orders.product, (days, n_prod), placed * n_prod + orders.product
    )
    shop_facts = order_facts(orders, orders.day, (days,), placed)
    src_visitors, src_carts = _source_side(rng, cal, modelled, src_facts)

    estimate = np.rint(src_visitors.sum(axis=1) / _uniform(rng, SOURCE_OVERLAP, days)).astype(np.int64)
    prod_visitors, prod_carts, prod_search = _product_side(rng, cal, listings, estimate, prod_facts)
    viewers = np.maximum(
        prod_visitors.max(axis=1),
        np.rint(prod_visitors.sum(axis=1) / _uniform(rng, PRODUCT_OVERLAP, days)).astype(np.int64),
    )
    shop_carts = np.minimum(
        np.maximum(prod_carts.max(axis=1), np.rint(prod_carts.sum(axis=1) / 1.1).astype(np.int64)), viewers
    )
    shop_carts = np.maximum(shop_carts, shop_facts.ordering_buyers)
    viewers = np.maximum(viewers, shop_carts)
    visitors = np.maximum.reduce(
        [np.rint(viewers / _uniform(rng, VIEWER_SHARE, days)).astype(np.int64), src_visitors.max(axis=1), estimate]
    )
    recommend = [s.label for s in cat.TMALL_SOURCES].index("手淘推荐")
    src_visitors[:, recommend] += np.maximum(visitors - src_visitors.sum(axis=1), 0)

    success = refunds.status == SUCCESS
    refund_day = refunds.completed[success] // SECONDS_PER_DAY
    refund_product = orders.product[refunds.order[success]]
    refund_cents = refunds.amount_cents[success]
    return Traffic(
        source_active=modelled > 0,
        source_visitors=src_visitors,
        source_page_views=np.rint(src_visitors * _uniform(rng, PAGES_PER_VISITOR, src_visitors.shape)).astype(np.int64),
        source_cart_adders=src_carts,
        source_facts=src_facts,
        product_visitors=prod_visitors,
        product_cart_adders=prod_carts,
        product_search_visitors=prod_search,
        product_facts=prod_facts,
        product_refund_cents=group_sum(refund_day * n_prod + refund_product, refund_cents, days * n_prod).reshape(
            days, n_prod
        ),
        shop_visitors=visitors,
        shop_product_viewers=viewers,
        shop_cart_adders=shop_carts,
        shop_facts=shop_facts,
        shop_refund_cents=group_sum(refund_day, refund_cents, days),
    )
