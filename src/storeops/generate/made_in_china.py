"""Made-in-China.com (中国制造网) exports: product performance by day and the product list.

The same B2B shape as Alibaba.com (storeops.generate.alibaba), with about half its exposure:
exposure ≫ clicks; visitors also arrive by other paths, so they sometimes exceed clicks;
page views ≥ visitors; inquiries < visitors. Higher-star, multi-image listings get more clicks and
inquiries. Listings published during the window have no rows before their 发布时间. The product
list is one snapshot on the window's last day: each listing once, last edited on or after its
publication.
"""

from __future__ import annotations

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.alibaba import b2b_day_factor, listing_quality
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import noise, unique_digits
from storeops.generate.writer import Export, table_export

PLATFORM = "made_in_china"
_DAY = 86_400
_WORK_START, _WORK_END = 9 * 3_600, 18 * 3_600
"""Listings are published and edited in office hours (China time)."""


def _created_days(cal: Calendar) -> np.ndarray:
    """Day offset (from the window's start) on which each listing was published."""
    launch = np.array([p.launch for p in cat.MADE_IN_CHINA_PRODUCTS])
    return np.where(launch < 0, launch, np.floor(launch * cal.days)).astype(np.int64)


def product_performance(rng: np.random.Generator, cal: Calendar, scale: float, ids: np.ndarray) -> Export:
    """One row per day and listed product."""
    products = cat.MADE_IN_CHINA_PRODUCTS
    created = _created_days(cal)
    day, product = np.nonzero(np.arange(cal.days)[:, None] >= created[None, :])
    n = len(day)
    stars, images = np.array([p.stars for p in products]), np.array([p.images for p in products])
    quality = listing_quality(stars[product], images[product])
    base = np.array([p.exposure for p in products])[product]
    exposures = rng.poisson(scale * base * b2b_day_factor(cal)[day] * noise(rng, n, 0.25))
    clicks = rng.binomial(exposures, np.clip(0.03 * quality, 0.002, 0.2))
    visitors = rng.binomial(clicks, 0.85) + rng.poisson(0.2 * clicks + 0.3 * scale)
    page_views = visitors + rng.poisson(0.6 * visitors)
    inquiries = np.minimum(rng.binomial(visitors, np.clip(0.05 * quality, 0.005, 0.5)), np.maximum(visitors - 1, 0))
    columns = {
        "stat_date": cal.date_strings[day],
        "product_id": ids[product],
        "product_name": np.array([p.name for p in products])[product],
        "product_created_at": fmt.day_strings(cal.start, created[product]),
        "exposures": fmt.integer(exposures),
        "clicks": fmt.integer(clicks),
        "ctr": fmt.ratio(clicks, exposures, percent=True),
        "visitors": fmt.integer(visitors),
        "page_views": fmt.integer(page_views),
        "inquiries": fmt.integer(inquiries),
    }
    return table_export(PLATFORM, "product_performance", cal.month_key[day], columns)


def product_list(rng: np.random.Generator, cal: Calendar, ids: np.ndarray) -> Export:
    """One row per listing, as the list shows it on the window's last day."""
    products = cat.MADE_IN_CHINA_PRODUCTS
    n = len(products)
    created_day = _created_days(cal)
    created = created_day * _DAY + rng.integers(_WORK_START, _WORK_END, n)
    edit_day = rng.integers(np.maximum(created_day, 0), cal.days)
    updated = np.maximum(edit_day * _DAY + rng.integers(_WORK_START, _WORK_END, n), created + 600)
    stars = np.array([p.stars for p in products])
    images = np.array([p.images for p in products])
    columns = {
        "product_id": ids,
        "product_name": np.array([p.name for p in products]),
        "created_at": fmt.timestamps(cal.start, created),
        "updated_at": fmt.timestamps(cal.start, updated),
        "star_rating": fmt.fixed(stars, 1),
        "quality_score": fmt.fixed(50 + 8 * stars + np.minimum(images, 8), 1),
        "image_count": fmt.integer(images),
        "attribute_count": fmt.integer(np.array([p.attributes for p in products])),
        "status": np.full(n, cat.MADE_IN_CHINA_STATUS),
    }
    return table_export(PLATFORM, "product_list", np.zeros(n, np.int64), columns, snapshot=str(cal.date_strings[-1]))


def made_in_china_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """Both Made-in-China.com exports; the listings' ids are shared by the two."""
    ids_rng, perf_rng, list_rng = (np.random.default_rng(s) for s in seed.spawn(3))
    ids = unique_digits(ids_rng, len(cat.MADE_IN_CHINA_PRODUCTS), (3, 3), 7)
    return [product_performance(perf_rng, cal, scale, ids), product_list(list_rng, cal, ids)]
