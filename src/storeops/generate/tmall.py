"""The Tmall shop's exports: orders, order items, refunds, Sycm (products, sources, shop), Zhitongche, members,
service tickets; and its stock: inventory snapshots and the purchase receipts of its warehouse system
(generate/stock.py).

Text follows the back-end: money with thousands separators (`1,234.50`),
rates as `3.25%` or `--` when the denominator is zero, order numbers as 18-19
digit strings, China-time timestamps, PII in clear.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.calendar import Calendar
from storeops.generate.order_items import tmall_item_lines, tmall_items_export
from storeops.generate.people import People, make_people
from storeops.generate.service_tickets import tmall_tickets_export
from storeops.generate.stock import stock_exports
from storeops.generate.sampling import (
    SECONDS_PER_DAY,
    choose,
    pick,
    random_digits,
    unique_digits,
)
from storeops.generate.tmall_members import Members, build_members
from storeops.generate.tmall_orders import Orders, simulate_orders
from storeops.generate.tmall_presale import Presale, combine, simulate_presale
from storeops.generate.tmall_refunds import (
    REASONS,
    STATUSES,
    OrderState,
    Refunds,
    order_state,
    simulate_refunds,
)
from storeops.generate.tmall_shop import Listings, build_listings, source_visitors
from storeops.generate.tmall_traffic import OrderFacts, Traffic, build_traffic
from storeops.generate.tmall_ztc import ZtcReport, build_ztc
from storeops.generate.writer import Export, table_export

PLATFORM = "tmall"
NON_BUYER_MEMBER_HEADROOM = 0.2


@dataclass(frozen=True)
class TmallShop:
    """Everything simulated for the Tmall shop."""

    cal: Calendar
    listings: Listings
    orders: Orders
    """the ordinary orders, then the pre-sale ones"""
    presale: Presale
    order_ids: np.ndarray
    refunds: Refunds
    state: OrderState
    traffic: Traffic
    ztc: ZtcReport
    people: People
    members: Members


def simulate_tmall(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> TmallShop:
    """Run the Tmall simulation, one child generator per step."""
    rng = [np.random.default_rng(s) for s in seed.spawn(10)]
    listings = build_listings(rng[0], cal)
    modelled = source_visitors(rng[1], cal, scale)
    ordinary = simulate_orders(rng[2], cal, listings, modelled)
    refunds = simulate_refunds(rng[3], cal, listings, ordinary)
    presale = simulate_presale(rng[9], cal, listings, ordinary, modelled)
    orders = combine(ordinary, presale)
    traffic = build_traffic(rng[4], cal, listings, orders, refunds, modelled)
    ztc = build_ztc(rng[5], cal, listings, orders, traffic)
    n_buyers = int(orders.buyer.max(initial=-1)) + 1
    n_extra = int(n_buyers * NON_BUYER_MEMBER_HEADROOM)
    people = make_people(rng[6], n_buyers + n_extra)
    members = build_members(rng[7], cal, orders, n_buyers, n_extra)
    order_ids = _presale_ids(rng[9], unique_digits(rng[8], len(ordinary), (10, 11), 8), len(presale.orders))
    state = _presale_state(order_state(cal, orders, refunds), presale)
    return TmallShop(cal, listings, orders, presale, order_ids, refunds, state, traffic, ztc, people, members)


def _presale_ids(rng: np.random.Generator, ordinary_ids: np.ndarray, n: int) -> np.ndarray:
    """The ordinary order numbers followed by `n` more, distinct from them and from each other."""
    ids = list(ordinary_ids)
    taken = set(ids)
    while len(ids) < len(ordinary_ids) + n:
        candidate = str(rng.integers(10**17, 9 * 10**18))
        if candidate not in taken:
            taken.add(candidate)
            ids.append(candidate)
    return np.asarray(ids)


def _presale_state(state: OrderState, presale: Presale) -> OrderState:
    """Pre-sale orders still waiting for their balance stay open (等待买家付款), whatever their age."""
    waiting = np.zeros(len(state.status), dtype=bool)
    waiting[len(state.status) - len(presale.orders) :] = presale.waiting
    return replace(
        state,
        status=np.where(waiting, cat.ORDER_STATUS["unpaid"], state.status),
        close_reason=np.where(waiting, "", state.close_reason),
    )


def _presale_columns(shop: TmallShop) -> dict[str, np.ndarray]:
    """The pre-sale columns, empty on ordinary orders: 分阶段订单信息, 定金排名, 定金金额, 定金付款时间, 尾款付款时间.

    分阶段订单信息 lists the stages as `stage，label：amount，status`, `;`-separated (the form one public
    importer of the real export parses; the exact wording is not confirmed).
    """
    o, p, cal = shop.orders, shop.presale, shop.cal
    n, first = len(o), len(o) - len(p.orders)
    deposit = np.full(n, "", dtype=object)
    stages = np.full(n, "", dtype=object)
    deposit_paid = np.full(n, fmt.NO_TIME, dtype=np.int64)
    balance_paid = np.full(n, fmt.NO_TIME, dtype=np.int64)
    balance_cents = p.orders.total_cents - p.deposit_cents
    balance_state = np.where(p.orders.is_paid, "已付款", "未付款")
    deposit[first:] = fmt.money(p.deposit_cents)
    stages[first:] = np.strings.add(
        np.strings.add(
            np.strings.add("定金，金额：", fmt.money(p.deposit_cents)), "，已付款;尾款，金额："
        ),
        np.strings.add(np.strings.add(fmt.money(balance_cents), "，"), balance_state),
    )
    deposit_paid[first:] = p.deposit_paid
    balance_paid[first:] = p.orders.paid
    return {
        "presale_stages": stages.astype(str),
        "deposit_rank": np.full(n, ""),
        "deposit_amount": deposit.astype(str),
        "deposit_paid_at": fmt.timestamps(cal.start, deposit_paid),
        "balance_paid_at": fmt.timestamps(cal.start, balance_paid),
    }


def _money(cents: np.ndarray) -> np.ndarray:
    """Tmall money text: thousands separators."""
    return fmt.money(cents, thousands=True)


def _product_names() -> np.ndarray:
    """宝贝标题 / 商品名称 per product index."""
    return np.array([p.name for p in cat.TMALL_PRODUCTS])


def _orders_export(shop: TmallShop, rng: np.random.Generator) -> Export:
    """订单报表: one row per order, PII in clear, state as of the last day."""
    o, s, p, cal = shop.orders, shop.state, shop.people, shop.cal
    n = len(o)
    shipped = s.shipped != fmt.NO_TIME
    carrier = choose(rng, [c[2] for c in cat.CARRIERS], n)
    tracking = np.strings.add(pick([c[1] for c in cat.CARRIERS], carrier), random_digits(rng, n, 13))
    landline = np.strings.add(cat.LANDLINE_PREFIX, random_digits(rng, n, 7))
    pay_date = fmt.day_strings(cal.start, o.day, compact=True)
    payment_id = np.strings.add(np.strings.add(pay_date, "22001"), random_digits(rng, n, 15))
    columns = {
        "order_id": shop.order_ids,
        "buyer_nick": p.nick[o.buyer],
        "buyer_alipay_account": p.alipay[o.buyer],
        "payment_id": np.where(o.is_paid, payment_id, ""),
        "goods_amount": _money(o.goods_cents),
        "postage": _money(o.postage_cents),
        "total_amount": _money(o.total_cents),
        "paid_amount": _money(o.paid_cents),
        "order_status": s.status,
        "buyer_message": pick(cat.BUYER_MESSAGES, rng.integers(0, len(cat.BUYER_MESSAGES), n)),
        "receiver_name": p.name[o.buyer],
        "receiver_address": p.address[o.buyer],
        "shipping_method": np.full(n, cat.SHIPPING_METHOD),
        "contact_phone": np.where(o.buyer % 9 == 0, landline, ""),
        "contact_mobile": p.mobile[o.buyer],
        "created_at": fmt.timestamps(cal.start, o.created),
        "paid_at": fmt.timestamps(cal.start, o.paid),
        "product_title": _product_names()[o.product],
        "product_kinds": np.full(n, "1"),
        "tracking_number": np.where(shipped, tracking, ""),
        "carrier": np.where(shipped, pick([c[0] for c in cat.CARRIERS], carrier), ""),
        "order_note": np.full(n, ""),
        "quantity": fmt.integer(o.quantity),
        "store_id": np.full(n, cat.TMALL_STORE_ID),
        "store_name": np.full(n, cat.TMALL_STORE_NAME),
        "close_reason": s.close_reason,
        "is_mobile_order": np.where(rng.random(n) < 0.86, "是", "否"),
        "refund_amount": _money(s.refund_cents),
        "confirmed_at": fmt.timestamps(cal.start, s.confirmed),
        "shipped_at": fmt.timestamps(cal.start, s.shipped),
        "seller_note": pick(cat.SELLER_NOTES, rng.integers(0, len(cat.SELLER_NOTES), n)),
        **_presale_columns(shop),
    }
    # the file of the month the order was created in (a pre-sale order counts later, at its balance)
    return table_export(PLATFORM, "orders", cal.month_key[o.created // SECONDS_PER_DAY], columns)


def _refunds_export(shop: TmallShop) -> Export:
    """退款报表: one row per refund request."""
    r, o, cal = shop.refunds, shop.orders, shop.cal
    columns = {
        "refund_id": r.refund_id,
        "order_id": shop.order_ids[r.order],
        "buyer_nick": shop.people.nick[o.buyer[r.order]],
        "product_title": _product_names()[o.product[r.order]],
        "paid_amount": _money(o.paid_cents[r.order]),
        "refund_amount": _money(r.amount_cents),
        "requested_at": fmt.timestamps(cal.start, r.requested),
        "completed_at": fmt.timestamps(cal.start, r.completed),
        "refund_status": pick([cat.REFUND_STATUS[k] for k in STATUSES], r.status),
        "refund_reason": np.asarray(REASONS)[r.reason],
        "needs_return": np.where(r.needs_return, "是", "否"),
    }
    return table_export(PLATFORM, "refunds", cal.month_key[r.requested // SECONDS_PER_DAY], columns)


def _order_columns(f: OrderFacts, cells: tuple[np.ndarray, ...], visitors: np.ndarray) -> dict[str, np.ndarray]:
    """Order-side Sycm columns at the given grid cells."""
    return {
        "ordering_buyers": fmt.integer(f.ordering_buyers[cells]),
        "ordered_quantity": fmt.integer(f.ordered_quantity[cells]),
        "ordered_amount": _money(f.ordered_cents[cells]),
        "order_conversion_rate": fmt.ratio(f.ordering_buyers[cells], visitors, percent=True),
        "paying_buyers": fmt.integer(f.paying_buyers[cells]),
        "paid_quantity": fmt.integer(f.paid_quantity[cells]),
        "paid_amount": _money(f.paid_cents[cells]),
        "payment_conversion_rate": fmt.ratio(f.paying_buyers[cells], visitors, percent=True),
        "new_paying_buyers": fmt.integer(f.new_paying_buyers[cells]),
        "returning_paying_buyers": fmt.integer(f.returning_paying_buyers[cells]),
        "returning_buyer_amount": _money(f.returning_cents[cells]),
    }


def _product_traffic_export(shop: TmallShop, rng: np.random.Generator) -> Export:
    """Sycm 商品效果: one row per day and listed product (sold-out days included, 已下架)."""
    t, cal, lst = shop.traffic, shop.cal, shop.listings
    day, product = np.nonzero(lst.listed)
    cells = (day, product)
    n = len(day)
    visitors = t.product_visitors[cells]
    carts = t.product_cart_adders[cells]
    product_id = lst.product_id[product]
    columns = {
        "stat_date": cal.date_strings[day],
        "product_id": product_id,
        "product_name": _product_names()[product],
        "main_product_id": product_id,
        "product_type": np.full(n, cat.PRODUCT_TYPE),
        "item_number": pick([p.item_number for p in cat.TMALL_PRODUCTS], product),
        "product_status": np.where(lst.stockout[cells], cat.PRODUCT_STATUS_OFF_SALE, cat.PRODUCT_STATUS_ON_SALE),
        "product_created_at": fmt.day_strings(cal.start, lst.created_day[product]),
        "product_visitors": fmt.integer(visitors),
        "product_page_views": fmt.integer(np.rint(visitors * rng.uniform(1.3, 2.0, n))),
        "avg_stay_seconds": np.where(visitors > 0, fmt.fixed(rng.uniform(18, 75, n)), fmt.NOT_REPORTED),
        "detail_bounce_rate": fmt.ratio(rng.binomial(visitors, rng.uniform(0.45, 0.75, n)), visitors, percent=True),
        "favoriters": fmt.integer(rng.binomial(visitors, 0.04)),
        "cart_quantity": fmt.integer(carts + rng.binomial(carts, 0.2)),
        "cart_adders": fmt.integer(carts),
        **_order_columns(t.product_facts, cells, visitors),
        "refunded_amount": _money(t.product_refund_cents[cells]),
        "search_visitors": fmt.integer(t.product_search_visitors[cells]),
        "search_paying_buyers": fmt.integer(t.product_facts.search_paying_buyers[cells]),
    }
    return table_export(PLATFORM, "sycm_product_traffic", cal.month_key[day], columns)


def _traffic_sources_export(shop: TmallShop) -> Export:
    """Sycm 流量来源: one row per day and active source."""
    t, cal = shop.traffic, shop.cal
    day, source = np.nonzero(t.source_active)
    cells = (day, source)
    visitors = t.source_visitors[cells]
    f = t.source_facts
    columns = {
        "stat_date": cal.date_strings[day],
        "traffic_source": pick([s.label for s in cat.TMALL_SOURCES], source),
        "source_detail": pick([s.detail for s in cat.TMALL_SOURCES], source),
        "visitors": fmt.integer(visitors),
        "page_views": fmt.integer(t.source_page_views[cells]),
        "cart_adders": fmt.integer(t.source_cart_adders[cells]),
        "ordering_buyers": fmt.integer(f.ordering_buyers[cells]),
        "paying_buyers": fmt.integer(f.paying_buyers[cells]),
        "paid_amount": _money(f.paid_cents[cells]),
        "payment_conversion_rate": fmt.ratio(f.paying_buyers[cells], visitors, percent=True),
    }
    return table_export(PLATFORM, "sycm_traffic_sources", cal.month_key[day], columns)


def _shop_daily_export(shop: TmallShop) -> Export:
    """Sycm 店铺整体: one row per day."""
    t, cal = shop.traffic, shop.cal
    f = t.shop_facts
    columns = {
        "stat_date": cal.date_strings,
        "visitors": fmt.integer(t.shop_visitors),
        "page_views": fmt.integer(t.source_page_views.sum(axis=1)),
        "product_viewers": fmt.integer(t.shop_product_viewers),
        "cart_adders": fmt.integer(t.shop_cart_adders),
        "ordering_buyers": fmt.integer(f.ordering_buyers),
        "paying_buyers": fmt.integer(f.paying_buyers),
        "paid_orders": fmt.integer(f.paid_orders),
        "paid_amount": _money(f.paid_cents),
        "payment_conversion_rate": fmt.ratio(f.paying_buyers, t.shop_visitors, percent=True),
        "average_order_value": fmt.money_ratio(f.paid_cents, f.paying_buyers, thousands=True),
        "refunded_amount": _money(t.shop_refund_cents),
    }
    return table_export(PLATFORM, "sycm_shop_daily", cal.month_key, columns)


def _ztc_export(shop: TmallShop) -> Export:
    """直通车 report: one row per day, plan and promoted product."""
    z, cal = shop.ztc, shop.cal
    total_cents = z.direct_cents + z.indirect_cents
    total_orders = z.direct_orders + z.indirect_orders
    columns = {
        "stat_date": cal.date_strings[z.day],
        "campaign_name": z.plan,
        "unit_name": _product_names()[z.product],
        "impressions": fmt.integer(z.impressions),
        "clicks": fmt.integer(z.clicks),
        "ctr": fmt.ratio(z.clicks, z.impressions, percent=True),
        "spend": _money(z.spend_cents),
        "cpc": fmt.money_ratio(z.spend_cents, z.clicks, thousands=True),
        "cpm": fmt.money_ratio(z.spend_cents * 1000, z.impressions, thousands=True),
        "direct_gmv": _money(z.direct_cents),
        "direct_orders": fmt.integer(z.direct_orders),
        "indirect_gmv": _money(z.indirect_cents),
        "indirect_orders": fmt.integer(z.indirect_orders),
        "total_gmv": _money(total_cents),
        "total_orders": fmt.integer(total_orders),
        "roas": fmt.ratio(total_cents, z.spend_cents),
        "click_conversion_rate": fmt.ratio(total_orders, z.clicks, percent=True),
        "favorites": fmt.integer(z.favorites),
        "carts": fmt.integer(z.carts),
    }
    return table_export(PLATFORM, "zhitongche", cal.month_key[z.day], columns)


def _members_export(shop: TmallShop) -> Export:
    """会员列表: one snapshot file named after the last day."""
    m, p, cal = shop.members, shop.people, shop.cal
    columns = {
        "buyer_nick": p.nick[m.person],
        "mobile": p.mobile[m.person],
        "member_level": m.level,
        "joined_at": fmt.timestamps(cal.start, m.joined),
        "points": fmt.integer(m.points),
        "lifetime_orders": fmt.integer(m.orders),
        "lifetime_amount": _money(m.amount_cents),
        "last_purchase_at": fmt.timestamps(cal.start, m.last_purchase),
        "province": p.province[m.person],
        "join_channel": m.channel,
    }
    return table_export(
        PLATFORM, "members", np.zeros(len(m.person), np.int64), columns, snapshot=str(cal.date_strings[-1])
    )


def tmall_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """Simulate the Tmall shop and lay out its exports (tickets and stock last, each from its own render seed)."""
    sim_seed, render_seed = seed.spawn(2)
    shop = simulate_tmall(sim_seed, cal, scale)
    rng = [np.random.default_rng(s) for s in render_seed.spawn(5)]  # the first three as before
    lines = tmall_item_lines(shop, rng[2])
    return [
        _orders_export(shop, rng[0]),
        tmall_items_export(shop, lines),
        _refunds_export(shop),
        _product_traffic_export(shop, rng[1]),
        _traffic_sources_export(shop),
        _shop_daily_export(shop),
        _ztc_export(shop),
        _members_export(shop),
        tmall_tickets_export(shop, rng[3]),
        *stock_exports(shop, lines.order, lines.quantity, lines.sku, rng[4]),
    ]
