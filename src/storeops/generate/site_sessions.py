"""Own-shop visitors and sessions: who comes, from where, and how far each session gets.

One entry per session, sorted by start time. A session's funnel is decided
here (page views, product views, add to cart, checkout, purchases); the events
and orders are laid out from it in `site`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar
from storeops.generate.sampling import (
    SECONDS_PER_DAY,
    assign_people,
    categorical,
    choose,
    noise,
    seconds_of_day,
)

F = cat.SITE_FUNNEL


@dataclass(frozen=True)
class Users:
    """One entry per visitor."""

    first_session: np.ndarray
    device: np.ndarray
    """index into catalog.SITE_DEVICES"""
    variant_b: np.ndarray
    """bool: the visitor sees variant B of the experiment page"""


@dataclass(frozen=True)
class Sessions:
    """One entry per session, sorted by start."""

    day: np.ndarray
    start: np.ndarray
    """seconds since the window's first midnight, China time"""
    user: np.ndarray
    source: np.ndarray
    """index into catalog.SITE_SOURCES"""
    campaign: np.ndarray
    returning: np.ndarray
    main_item: np.ndarray
    page_views: np.ndarray
    item_views: np.ndarray
    carts: np.ndarray
    checkout: np.ndarray
    purchases: np.ndarray
    """0, 1 or 2"""
    unpaid_order: np.ndarray
    """checked out, did not pay, an unpaid order remains"""

    def __len__(self) -> int:
        return len(self.day)


def item_weights(cal: Calendar) -> np.ndarray:
    """(days, items) demand of the own shop's items (popularity × Tmall season)."""
    season = {p.item_number: p.season for p in cat.TMALL_PRODUCTS}
    return np.stack([item.weight * cal.season(season[item.item_number]) for item in cat.SITE_ITEMS], axis=1)


def _source_boosts(cal: Calendar) -> np.ndarray:
    """(days, sources) multipliers of each source's share."""
    src = cat.SITE_SOURCES
    member = cal.member_day[:, None]
    return (
        np.where(cal.in_festival[:, None], [s.festival_boost for s in src], 1.0)
        * np.where((cal.seeding >= 0)[:, None], [s.seeding_boost for s in src], 1.0)
        * np.where(member, [s.member_day_boost for s in src], 1.0)
        * np.where(~member & np.array([s.member_day_only for s in src]), 0.0, 1.0)
    )


def _daily_sessions(rng: np.random.Generator, cal: Calendar, scale: float, boosts: np.ndarray) -> np.ndarray:
    """Sessions per day: base traffic × weekday × phase × the boosted source mix × member day."""
    new_share = np.array([s.new_share for s in cat.SITE_SOURCES])
    mix = (boosts * new_share).sum(axis=1) / new_share.sum()
    mean = (
        scale
        * cat.SITE_DAILY_SESSIONS
        * cal.weekday_factor(cat.WEEKDAY_TRAFFIC)
        * cal.by_phase(cat.PHASE_TRAFFIC)
        * mix
    )
    mean = mean * np.where(cal.member_day, cat.SITE_MEMBER_DAY_TRAFFIC, 1.0) * noise(rng, cal.days, 0.06)
    return rng.poisson(mean)


def _campaigns(rng: np.random.Generator, cal: Calendar, day: np.ndarray, source: np.ndarray) -> np.ndarray:
    """The utm campaign of each session: seeding and festival names override the medium's default."""
    medium = np.array([s.medium for s in cat.SITE_SOURCES])[source]
    default = np.array([cat.SITE_CAMPAIGNS[s.medium] for s in cat.SITE_SOURCES])[source]
    seeding = np.array([p.key for p in cat.SEEDING_PERIODS])[np.maximum(cal.seeding[day], 0)]
    festival = np.strings.add("live_", np.array([f.key for f in cat.FESTIVALS])[np.maximum(cal.festival[day], 0)])
    generic_kw = rng.random(len(day)) < 0.5
    return np.select(
        [
            (medium == "social") & (cal.seeding[day] >= 0),
            (medium == "live") & (cal.festival[day] >= 0),
            (medium == "cpc") & generic_kw,
        ],
        [seeding, festival, "generic_keywords"],
        default,
    )


def _users(rng: np.random.Generator, user: np.ndarray) -> Users:
    """Per visitor: first session, device and experiment variant."""
    n = int(user.max(initial=-1)) + 1
    first = np.full(n, len(user))
    np.minimum.at(first, user, np.arange(len(user)))
    return Users(
        first_session=first, device=choose(rng, [p for _, p in cat.SITE_DEVICES], n), variant_b=rng.random(n) < 0.5
    )


def _funnel(
    rng: np.random.Generator,
    cal: Calendar,
    day: np.ndarray,
    source: np.ndarray,
    returning: np.ndarray,
    lift: np.ndarray,
) -> dict[str, np.ndarray]:
    """How far each session gets."""
    n = len(day)
    conversion = np.array([s.conversion for s in cat.SITE_SOURCES])[source]
    cart_phase = cal.by_phase(cat.PHASE_CART)[day]
    buy = (
        cal.by_phase(cat.PHASE_CONVERSION)[day]
        / np.sqrt(cart_phase)
        * np.where(cal.member_day[day], cat.MEMBER_DAY_CONVERSION, 1.0)
    )
    viewed = rng.random(n) < np.where(returning, F["view_item_returning"], F["view_item"])
    blind_cart = ~viewed & (rng.random(n) < F["cart_without_view"] / (1 - F["view_item"]))
    carts = (
        viewed & (rng.random(n) < np.minimum(F["add_to_cart"] * conversion * np.sqrt(cart_phase), 0.9))
    ) | blind_cart
    checkout = carts & (rng.random(n) < F["begin_checkout"])
    paid = checkout & (rng.random(n) < np.minimum(F["purchase"] * buy * lift, 0.95))
    second = paid & (rng.random(n) < F["second_purchase"])
    return {
        "page_views": rng.geometric(0.55, n),
        "item_views": np.where(viewed, rng.geometric(0.6, n), 0),
        "carts": np.where(carts, 1 + (rng.random(n) < 0.15), 0),
        "checkout": checkout,
        "purchases": paid.astype(np.int64) + second,
        "unpaid_order": checkout & ~paid & (rng.random(n) < F["unpaid_order"]),
    }


def simulate_sessions(rng: np.random.Generator, cal: Calendar, scale: float) -> tuple[Sessions, Users]:
    """Every session of the window and its visitors."""
    boosts = _source_boosts(cal)
    counts = _daily_sessions(rng, cal, scale, boosts)
    day = np.repeat(np.arange(cal.days), counts)
    burst = cal.in_phases("burst")[day]
    start = day * SECONDS_PER_DAY + seconds_of_day(rng, burst)
    order = np.lexsort((np.arange(len(day)), start))
    day, start = day[order], start[order]
    user = assign_people(rng, counts, np.full(cal.days, cat.SITE_RETURNING_SHARE))
    users = _users(rng, user)
    returning = users.first_session[user] < np.arange(len(user))
    mix = np.stack(
        [np.array([s.new_share for s in cat.SITE_SOURCES]), np.array([s.returning_share for s in cat.SITE_SOURCES])]
    )
    weights = (boosts[:, None, :] * mix[None, :, :]).reshape(cal.days * 2, -1)
    source = categorical(rng, weights, day * 2 + returning)
    main_item = categorical(rng, item_weights(cal), day)
    experiment = [i.item_number for i in cat.SITE_ITEMS].index(cat.SITE_EXPERIMENT_ITEM)
    lift = np.where((main_item == experiment) & users.variant_b[user], cat.SITE_VARIANT_B_LIFT, 1.0)
    funnel = _funnel(rng, cal, day, source, returning, lift)
    sessions = Sessions(
        day=day,
        start=start,
        user=user,
        source=source,
        campaign=_campaigns(rng, cal, day, source),
        returning=returning,
        main_item=main_item,
        **funnel,
    )
    return sessions, users
