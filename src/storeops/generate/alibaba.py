"""Alibaba.com (数据管家) exports: product performance by day and the P4P keyword report.

Exposure ≫ clicks; visitors also arrive by other paths, so they sometimes
exceed clicks (real, kept); inquiries < visitors. Higher-star, multi-image
listings get more clicks and inquiries. Listings created during the window
have no rows before their 发布时间.
"""

from __future__ import annotations

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import noise, unique_digits
from storeops.generate.writer import Export, table_export

PLATFORM = "alibaba_com"


def listing_quality(stars: np.ndarray, images: np.ndarray) -> np.ndarray:
    """Conversion multiplier of a listing: 1 at 4 stars and 5 images."""
    return (1 + 0.35 * (stars - 4.0)) * (1 + 0.06 * (images - 5))


def b2b_day_factor(cal: Calendar) -> np.ndarray:
    """A B2B day's traffic multiplier: the weekday pattern and the trade-fair months."""
    fairs = np.array([cat.B2B_FAIR_MONTHS.get(m, 1.0) for m in range(1, 13)])[cal.month - 1]
    return cal.weekday_factor(cat.WEEKDAY_TRAFFIC_B2B) * fairs


def product_performance(rng: np.random.Generator, cal: Calendar, scale: float) -> Export:
    """One row per day and listed product."""
    products = cat.ALIBABA_PRODUCTS
    launch = np.array([p.launch for p in products])
    created = np.where(launch < 0, launch, np.floor(launch * cal.days)).astype(np.int64)
    day, product = np.nonzero(np.arange(cal.days)[:, None] >= created[None, :])
    n = len(day)
    stars = np.array([p.stars for p in products])[product]
    images = np.array([p.images for p in products])[product]
    quality = listing_quality(stars, images)
    base = np.array([p.exposure for p in products])[product]
    exposures = rng.poisson(scale * base * b2b_day_factor(cal)[day] * noise(rng, n, 0.25))
    clicks = rng.binomial(exposures, np.clip(0.025 * quality, 0.002, 0.2))
    visitors = rng.binomial(clicks, 0.8) + rng.poisson(0.25 * clicks + 0.6 * scale)
    inquiries = np.minimum(rng.binomial(visitors, np.clip(0.06 * quality, 0.005, 0.5)), np.maximum(visitors - 1, 0))
    ids = unique_digits(rng, len(products), (4, 4), 9)
    columns = {
        "stat_date": cal.date_strings[day],
        "product_id": ids[product],
        "product_name": np.array([p.name for p in products])[product],
        "product_created_at": fmt.day_strings(cal.start, created[product]),
        "exposures": fmt.integer(exposures),
        "clicks": fmt.integer(clicks),
        "ctr": fmt.ratio(clicks, exposures, percent=True),
        "visitors": fmt.integer(visitors),
        "inquiries": fmt.integer(inquiries),
        "star_rating": fmt.fixed(stars, 1),
        "image_count": fmt.integer(images),
    }
    return table_export(PLATFORM, "product_performance", cal.month_key[day], columns)


def p4p(rng: np.random.Generator, cal: Calendar, scale: float) -> Export:
    """One row per day and keyword."""
    keywords = cat.P4P_KEYWORDS
    day, kw = (a.ravel() for a in np.meshgrid(np.arange(cal.days), np.arange(len(keywords)), indexing="ij"))
    n = len(day)
    impressions = rng.poisson(
        scale * np.array([k.impressions for k in keywords])[kw] * b2b_day_factor(cal)[day] * noise(rng, n, 0.2)
    )
    clicks = rng.binomial(impressions, np.array([k.ctr for k in keywords])[kw])
    cpc = np.array([k.cpc for k in keywords])[kw] * noise(rng, n, 0.12)
    spend = np.rint(clicks * cpc * 100).astype(np.int64)
    columns = {
        "stat_date": cal.date_strings[day],
        "campaign_name": np.array([k.campaign for k in keywords])[kw],
        "keyword": np.array([k.keyword for k in keywords])[kw],
        "impressions": fmt.integer(impressions),
        "clicks": fmt.integer(clicks),
        "ctr": fmt.ratio(clicks, impressions, percent=True),
        "spend": fmt.money(spend),
        "cpc": fmt.money_ratio(spend, clicks),
    }
    return table_export(PLATFORM, "p4p", cal.month_key[day], columns)


def alibaba_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """Both Alibaba.com exports."""
    rng = [np.random.default_rng(s) for s in seed.spawn(2)]
    return [product_performance(rng[0], cal, scale), p4p(rng[1], cal, scale)]
