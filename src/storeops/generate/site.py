"""Own-shop exports: GA4-shaped events (one row per event) and the order export.

Every `purchase` event carries the `order_id` of a paid order as
`ecommerce.transaction_id` and its `total_amount` as revenue; every paid order
has exactly one purchase event. Unpaid orders come from checkouts that were
not paid. `event_timestamp` is UTC epoch microseconds, `event_date` the China
day as `YYYYMMDD` (GA4's form), `ga_session_id` the session start in epoch
seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.people import emails, mobiles
from storeops.generate.sampling import (
    SECONDS_PER_DAY,
    categorical,
    choose,
    unique_digits,
)
from storeops.generate.site_sessions import (
    Sessions,
    Users,
    item_weights,
    simulate_sessions,
)
from storeops.generate.writer import Columns, Export, table_export

PLATFORM = "site"
CHINA_UTC_OFFSET = 8
MICROS = 1_000_000
EVENT_NAMES: tuple[str, ...] = ("session_start", "page_view", "view_item", "add_to_cart", "begin_checkout", "purchase")
SS, PV, VI, ATC, BC, PU = range(len(EVENT_NAMES))
CHECKOUT_PATHS: tuple[str, ...] = ("/checkout", "/checkout/success")


@dataclass(frozen=True)
class Events:
    """One entry per event, sorted by session then step (see `order_events` for time order)."""

    session: np.ndarray
    kind: np.ndarray
    """index into EVENT_NAMES"""
    occurrence: np.ndarray
    """0 for the first event of its kind in the session, 1 for the second..."""
    local_us: np.ndarray
    """microseconds since the window's first midnight, China time"""
    item: np.ndarray
    """index into catalog.SITE_ITEMS, -1 for none"""
    page: np.ndarray
    """index into `page_paths()`"""
    session_start: np.ndarray
    """per session: seconds since the window's first midnight (sessions near the
    window's end are moved earlier so that they end inside it)"""


@dataclass(frozen=True)
class Orders:
    """One entry per order, sorted by creation."""

    order_id: np.ndarray
    session: np.ndarray
    item: np.ndarray
    quantity: np.ndarray
    created: np.ndarray
    paid: np.ndarray
    """NO_TIME when unpaid"""
    goods_cents: np.ndarray
    discount_cents: np.ndarray
    shipping_cents: np.ndarray
    coupon: np.ndarray
    purchase_event: np.ndarray
    """index into the events, -1 when unpaid"""

    @property
    def total_cents(self) -> np.ndarray:
        """total_amount = goods - discount + shipping."""
        return self.goods_cents - self.discount_cents + self.shipping_cents


def page_paths() -> np.ndarray:
    """Every page path: listing pages, one page per item, checkout pages."""
    items = [f"/item/{i.item_number}" for i in cat.SITE_ITEMS]
    return np.array([*cat.SITE_PAGES, *items, *CHECKOUT_PATHS])


def _expand(counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(session, kind, occurrence) for per-session counts of each event kind."""
    sessions, kinds, occurrences = [], [], []
    for kind, c in enumerate(counts):
        idx = np.repeat(np.arange(len(c)), c)
        first = np.repeat(np.cumsum(c) - c, c)
        sessions.append(idx)
        kinds.append(np.full(len(idx), kind))
        occurrences.append(np.arange(len(idx)) - first)
    return np.concatenate(sessions), np.concatenate(kinds), np.concatenate(occurrences)


def _step_key(kind: np.ndarray, occurrence: np.ndarray) -> np.ndarray:
    """Order of events within a session: pages and product views interleave, then cart, checkout, purchase."""
    return np.select(
        [kind == SS, kind == PV, kind == VI, kind == ATC, kind == BC],
        [0, 1 + 2 * occurrence, 2 + 2 * occurrence, 1000 + occurrence, 2000 + 2 * occurrence],
        2001 + 2 * occurrence,
    )


def _gaps(rng: np.random.Generator, session: np.ndarray, position: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Microseconds since the previous event; some sessions pause for 25-40 minutes once."""
    n = len(session)
    gaps = np.rint((rng.exponential(45.0, n) + 2.0) * MICROS).astype(np.int64)
    gaps = np.where(position <= 1, 0, gaps)
    long_session = (rng.random(len(sizes)) < cat.SITE_FUNNEL["long_gap"]) & (sizes >= 3)
    long_at = rng.integers(2, np.maximum(sizes, 3))
    pause = long_session[session] & (position == long_at[session])
    return np.where(pause, rng.integers(25 * 60 * MICROS, 40 * 60 * MICROS, n), gaps)


def build_events(rng: np.random.Generator, cal: Calendar, s: Sessions) -> Events:
    """Lay every session's funnel out as timed events."""
    second_checkout = (s.purchases == 2).astype(np.int64)
    counts = [np.ones(len(s), np.int64), s.page_views, s.item_views, s.carts, s.checkout + second_checkout, s.purchases]
    session, kind, occurrence = _expand(counts)
    order = np.lexsort((_step_key(kind, occurrence), session))
    session, kind, occurrence = session[order], kind[order], occurrence[order]
    sizes = np.bincount(session, minlength=len(s))
    position = np.arange(len(session)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    offset = np.cumsum(_gaps(rng, session, position, sizes))
    offset -= np.repeat(offset[np.cumsum(sizes) - sizes], sizes)
    duration = np.zeros(len(s), np.int64)
    np.maximum.at(duration, session, offset)
    end_us = cal.days * SECONDS_PER_DAY * MICROS
    start_us = s.start * MICROS
    late_us = np.maximum(start_us + duration - end_us + MICROS, 0)
    start_us -= -(-late_us // MICROS) * MICROS  # whole seconds: ga_session_id is the start in seconds
    item = np.full(len(session), -1)
    browse = categorical(rng, item_weights(cal), s.day[session])
    second_item = categorical(rng, item_weights(cal), s.day)
    main = s.main_item[session]
    item = np.select(
        [(kind == VI) & (occurrence > 0), np.isin(kind, [BC, PU]) & (occurrence > 0), np.isin(kind, [VI, ATC, BC, PU])],
        [browse, second_item[session], main],
        item,
    )
    n_listing = len(cat.SITE_PAGES)
    listing = np.where(rng.random(len(session)) < 0.5, 0, rng.integers(0, n_listing, len(session)))
    first_page = listing[np.repeat(np.cumsum(sizes) - sizes + 1, sizes)]
    page = np.select(
        [kind == SS, kind == PV, np.isin(kind, [VI, ATC]), kind == BC],
        [first_page, listing, n_listing + item, n_listing + len(cat.SITE_ITEMS)],
        n_listing + len(cat.SITE_ITEMS) + 1,
    )
    jitter = rng.integers(0, 1000, len(session)) * (position > 1)
    return Events(session, kind, occurrence, start_us[session] + offset + jitter, item, page, start_us // MICROS)


def _amounts(
    rng: np.random.Generator, cal: Calendar, s: Sessions, session: np.ndarray, item: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(quantity, goods, discount, shipping cents, coupon code) of orders."""
    n = len(session)
    quantity = choose(rng, cat.SITE_QUANTITY_P, n) + 1
    price = np.array([round(i.price * 100) for i in cat.SITE_ITEMS], dtype=np.int64)[item]
    goods = price * quantity
    day = s.day[session]
    crm = np.array([src.member_day_only for src in cat.SITE_SOURCES])[s.source[session]]
    member_coupon = cal.member_day[day] & (crm | (rng.random(n) < cat.MEMBER_DAY_COUPON_USE))
    step, off = (round(v * 100) for v in cat.SITE_FESTIVAL_COUPON)
    sale = cal.in_phases("burst", "long_tail")[day] & (goods >= step)
    festival_coupon = np.array([f.coupon for f in cat.FESTIVALS])[np.maximum(cal.festival[day], 0)]
    member_off = np.rint(goods * cat.SITE_MEMBER_DAY_DISCOUNT).astype(np.int64)
    discount = np.select([sale, member_coupon], [off * (goods // step), member_off], 0)
    coupon = np.select([sale, member_coupon], [festival_coupon, cat.MEMBER_DAY_COUPON], "")
    shipping = np.where(goods - discount >= cat.SITE_FREE_SHIPPING_FROM * 100, 0, round(cat.SITE_SHIPPING * 100))
    return quantity, goods, discount, shipping.astype(np.int64), coupon


def build_orders(rng: np.random.Generator, cal: Calendar, s: Sessions, e: Events) -> Orders:
    """Paid orders (one per purchase event) and unpaid ones (abandoned checkouts)."""
    purchase = np.flatnonzero(e.kind == PU)
    abandoned = np.flatnonzero((e.kind == BC) & s.unpaid_order[e.session] & (s.purchases[e.session] == 0))
    checkout_event = np.concatenate([purchase - 1, abandoned])
    session = e.session[checkout_event]
    item = e.item[checkout_event]
    created = e.local_us[checkout_event] // MICROS
    paid = np.concatenate([e.local_us[purchase] // MICROS, np.full(len(abandoned), fmt.NO_TIME)])
    purchase_event = np.concatenate([purchase, np.full(len(abandoned), -1)])
    order = np.lexsort((session, created))
    session, item, created, paid, purchase_event = (a[order] for a in (session, item, created, paid, purchase_event))
    quantity, goods, discount, shipping, coupon = _amounts(rng, cal, s, session, item)
    order_id = np.strings.add("SO", unique_digits(rng, len(session), (4, 4), 7))
    return Orders(order_id, session, item, quantity, created, paid, goods, discount, shipping, coupon, purchase_event)


def _pseudo_ids(rng: np.random.Generator, first_seen_epoch: np.ndarray) -> np.ndarray:
    """GA4-style `<random 10 digits>.<first visit epoch seconds>`, distinct per visitor."""
    random_part = rng.choice(9 * 10**9, len(first_seen_epoch), replace=False) + 10**9
    return np.strings.add(np.strings.add(random_part.astype(str), "."), first_seen_epoch.astype(str))


@dataclass(frozen=True)
class SiteShop:
    """Everything simulated for the own shop."""

    cal: Calendar
    sessions: Sessions
    users: Users
    events: Events
    orders: Orders
    pseudo_id: np.ndarray
    """per visitor: user_pseudo_id"""
    epoch0: int
    """Unix time of the window's first midnight, China time"""


def simulate_site(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> SiteShop:
    """Sessions, events and orders of the own shop."""
    rng = [np.random.default_rng(s) for s in seed.spawn(4)]
    sessions, users = simulate_sessions(rng[0], cal, scale)
    events = build_events(rng[1], cal, sessions)
    orders = build_orders(rng[2], cal, sessions, events)
    epoch0 = fmt.epoch_seconds(cal.start, CHINA_UTC_OFFSET)
    pseudo_id = _pseudo_ids(rng[3], epoch0 + events.session_start[users.first_session])
    return SiteShop(cal, sessions, users, events, orders, pseudo_id, epoch0)


def _orders_export(shop: SiteShop, rng: np.random.Generator) -> Export:
    """The order export as of the last day: shipping, refunds and status; email and phone in clear."""
    o, s, cal = shop.orders, shop.sessions, shop.cal
    n = len(o.order_id)
    user = s.user[o.session]
    is_paid = o.paid != fmt.NO_TIME
    end = cal.days * SECONDS_PER_DAY
    shipped = np.where(is_paid, o.paid + rng.integers(4 * 3600, 48 * 3600, n), fmt.NO_TIME)
    shipped = np.where(shipped >= end, fmt.NO_TIME, shipped)
    refund = (shipped != fmt.NO_TIME) & (shipped + 3 * SECONDS_PER_DAY < end) & (rng.random(n) < cat.SITE_REFUND_SHARE)
    full_refund = refund & (rng.random(n) < cat.SITE_FULL_REFUND_SHARE)
    refund_cents = np.select(
        [full_refund, refund], [o.total_cents, np.rint(o.goods_cents * rng.uniform(0.1, 0.4, n)).astype(np.int64)], 0
    )
    status = np.select(
        [
            ~is_paid & (o.created >= end - SECONDS_PER_DAY),
            ~is_paid,
            full_refund,
            shipped == fmt.NO_TIME,
            o.paid + 10 * SECONDS_PER_DAY < end,
        ],
        ["pending", "cancelled", "refunded", "paid", "completed"],
        "shipped",
    )
    customers, customer = np.unique(user, return_inverse=True)
    columns = {
        "order_id": o.order_id,
        "customer_id": np.strings.add("C", fmt.padded(user, 8)),
        "email": emails(rng, len(customers))[customer],
        "phone": mobiles(rng, len(customers))[customer],
        "created_at": fmt.timestamps(cal.start, o.created),
        "paid_at": fmt.timestamps(cal.start, o.paid),
        "status": status,
        "total_amount": fmt.money(o.total_cents),
        "discount_amount": fmt.money(o.discount_cents),
        "shipping_amount": fmt.money(o.shipping_cents),
        "refund_amount": fmt.money(refund_cents),
        "currency": np.full(n, cat.SITE_CURRENCY),
        "item_count": fmt.integer(o.quantity),
        "coupon_code": o.coupon,
        "shipped_at": fmt.timestamps(cal.start, shipped),
        "user_pseudo_id": shop.pseudo_id[user],
        "carrier": np.where(shipped != fmt.NO_TIME, cat.SITE_CARRIER, ""),
    }
    return table_export(PLATFORM, "orders", cal.month_key[o.created // SECONDS_PER_DAY], columns)


def _events_export(shop: SiteShop, rng: np.random.Generator) -> Export:
    """Events in time order, rendered month by month."""
    e, s, cal, o = shop.events, shop.sessions, shop.cal, shop.orders
    order = np.lexsort((np.arange(len(e.session)), e.local_us))
    day = np.minimum(e.local_us[order] // (SECONDS_PER_DAY * MICROS), cal.days - 1)
    event_id = rng.permutation(len(order)) + int(rng.integers(10**11, 8 * 10**11))
    src = cat.SITE_SOURCES
    sources, mediums = np.array([x.source for x in src]), np.array([x.medium for x in src])
    first_session = shop.users.first_session
    order_of_event = np.full(len(e.session), -1)
    paid = o.purchase_event >= 0
    order_of_event[o.purchase_event[paid]] = np.flatnonzero(paid)
    items = cat.SITE_ITEMS
    names = {p.item_number: p.name for p in cat.TMALL_PRODUCTS}
    item_ids = np.array([i.item_number for i in items] + [""])
    item_names = np.array([names[i.item_number] for i in items] + [""])
    prices = np.array([round(i.price * 100) for i in items] + [0], dtype=np.int64)
    experiment = [i.item_number for i in items].index(cat.SITE_EXPERIMENT_ITEM)
    paths = np.strings.add(cat.SITE_DOMAIN, page_paths())
    # index -1 (no item / no order) picks the trailing blank entry
    tx_ids = np.append(o.order_id, "")
    revenue = np.append(fmt.money(o.total_cents), "")
    quantities = np.append(o.quantity, 1)

    def render(sl: slice) -> Columns:
        idx = order[sl]
        sess = e.session[idx]
        user = s.user[sess]
        first = first_session[user]
        item = e.item[idx]
        has_item = item >= 0
        kind = e.kind[idx]
        linked = order_of_event[idx]
        quantity = np.where(kind == PU, quantities[linked], 1)
        return {
            "event_id": event_id[sl].astype(str),
            "event_date": cal.compact_date_strings[day[sl]],
            "event_timestamp": ((shop.epoch0 * MICROS) + e.local_us[idx]).astype(str),
            "event_name": np.asarray(EVENT_NAMES)[kind],
            "user_pseudo_id": shop.pseudo_id[user],
            "ga_session_id": (shop.epoch0 + e.session_start[sess]).astype(str),
            "page_location": paths[e.page[idx]],
            "first_source": sources[s.source[first]],
            "first_medium": mediums[s.source[first]],
            "first_campaign": s.campaign[first],
            "source": sources[s.source[sess]],
            "medium": mediums[s.source[sess]],
            "campaign": s.campaign[sess],
            "device_category": np.array([d for d, _ in cat.SITE_DEVICES])[shop.users.device[user]],
            "item_id": item_ids[item],
            "item_name": item_names[item],
            "item_price": np.where(has_item, fmt.money(prices[item]), ""),
            "item_quantity": np.where(has_item, fmt.integer(quantity), ""),
            "experiment_variant": np.where(
                (kind == VI) & (item == experiment), np.where(shop.users.variant_b[user], "B", "A"), ""
            ),
            "transaction_id": tx_ids[linked],
            "purchase_revenue": revenue[linked],
        }

    return Export(PLATFORM, "events", cal.month_key[day], render)


def site_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """Simulate the own shop and lay out its two exports."""
    sim_seed, render_seed = seed.spawn(2)
    shop = simulate_site(sim_seed, cal, scale)
    rng = [np.random.default_rng(s) for s in render_seed.spawn(2)]
    return [_events_export(shop, rng[0]), _orders_export(shop, rng[1])]
