"""The Tmall shop's stock: daily inventory snapshots (tmall/inventory) and purchase receipts (generic/purchase_receipts).

Consistent with the order items (DECISIONLOG L3): a SKU's sellable stock falls by the units of its paid lines on
the day they are paid and rises by its receipts; `locked` is the day's paid units, shipped the next day, so on hand
= sellable + locked. Each day ends with a review: when sellable + in transit is below the next LEAD_TIME_DAYS[1] +
7 days' sales, a purchase order for the next 30 days' sales is placed and received 5-12 days later. When a day's
sales would still leave no sellable stock, an express order received that day covers it: sellable is never
negative, and 0 only in the injected stock-out. In transit is the units ordered and not yet received at the end of the day.

A SKU is out of stock with its product while the listing is sold out (Listings.stockout, Sycm's 已下架), and
STOCKOUT_SKU alone in the injected stock-out (catalog.STOCKOUT_*). Before each such run its stock is laid out
backwards from 0 at the end of the day before, so its last units sell then, and a restock arrives the day after
(for the injected one, ordered too late); no ordinary units of it sell in between (the order item lines move to
the sibling SKU, `stockout_skus`).
The snapshots skip catalog.INVENTORY_MISSING_DAYS. Drawn from the Tmall render seed's fourth child, so every
other file is byte-identical to what it was before the stock existed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.sampling import SECONDS_PER_DAY
from storeops.generate.writer import Export, table_export

if TYPE_CHECKING:
    from storeops.generate.calendar import Calendar
    from storeops.generate.tmall import TmallShop

REVIEW_DAYS = 7
ORDER_COVER_DAYS = 30
MIN_ORDER = 20


def _day_of(cal: Calendar, month_day: cat.MonthDay) -> int | None:
    """Index of the first day of the window falling on `month_day`, or None."""
    month = cal.dates.astype("datetime64[M]").astype(int) % 12 + 1
    day = (cal.dates - cal.dates.astype("datetime64[M]")).astype(int) + 1
    hits = np.flatnonzero((month == month_day[0]) & (day == month_day[1]))
    return int(hits[0]) if len(hits) else None


def stockout_window(cal: Calendar) -> tuple[int, int] | None:
    """(first, last) day index of the injected stock-out when the window holds its first day."""
    first = _day_of(cal, cat.STOCKOUT_FIRST_DAY)
    if first is None:
        return None
    return first, first + _gap_days()


def _gap_days() -> int:
    (m1, d1), (m2, d2) = cat.STOCKOUT_FIRST_DAY, cat.STOCKOUT_LAST_DAY
    return int((np.datetime64(f"2001-{m2:02d}-{d2:02d}") - np.datetime64(f"2001-{m1:02d}-{d1:02d}")).astype(int))


def _sku_parts(code: str) -> tuple[int, int, int]:
    """(product, colour, size) indices of a catalog merchant code."""
    item, colour, size = code.rsplit("-", 2)
    product = [p.item_number for p in cat.TMALL_PRODUCTS].index(item)
    return product, [c for c, _ in cat.SKU_COLOURS].index(colour), cat.SKU_SIZES.index(size)


def stockout_skus(
    shop: TmallShop, order: np.ndarray, line_no: np.ndarray, colour: np.ndarray, size: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Colour and size per line with the stock-out applied: after its first day and to its last, STOCKOUT_SKU's
    ordinary lines (by payment day, or creation day when unpaid) are the sibling's; the first lines of the pre-sale
    orders of its product created then are STOCKOUT_SKU's; on its first day at least one paid line is its own (the
    last units sold)."""
    window = stockout_window(shop.cal)
    if window is None:
        return colour, size
    first, last = window
    product, out_colour, out_size = _sku_parts(cat.STOCKOUT_SKU)
    _, sibling_colour, _ = _sku_parts(cat.STOCKOUT_SIBLING_SKU)
    o = shop.orders
    presale = (np.arange(len(o)) >= len(o) - len(shop.presale.orders))[order]
    day = (np.where(o.is_paid, o.paid, o.created) // SECONDS_PER_DAY)[order]
    created = (o.created // SECONDS_PER_DAY)[order]
    of_product = o.product[order] == product
    moved = of_product & ~presale & (day > first) & (day <= last) & (colour == out_colour) & (size == out_size)
    taken = of_product & presale & (created > first) & (created <= last) & (line_no == 0)
    # the last units sell on the first day: one line of the product paid that day is the SKU's, if none is
    last_sale = of_product & ~presale & o.is_paid[order] & (day == first)
    if last_sale.any() and not (last_sale & (colour == out_colour) & (size == out_size)).any():
        taken = taken.copy()
        taken[np.flatnonzero(last_sale)[0]] = True
    colour = np.where(moved, sibling_colour, np.where(taken, out_colour, colour))
    return colour, np.where(taken, out_size, size)


def _catalog_skus() -> np.ndarray:
    return np.array([f"{p.item_number}-{c}-{s}" for p in cat.TMALL_PRODUCTS for c, _ in cat.SKU_COLOURS
                     for s in cat.SKU_SIZES])


def _sold(shop: TmallShop, order: np.ndarray, quantity: np.ndarray, sku: np.ndarray, skus: np.ndarray) -> np.ndarray:
    """(SKU, day) units of the paid lines, on the day paid."""
    o, days = shop.orders, shop.cal.days
    paid = o.is_paid[order]
    day = np.where(paid, o.paid[order], 0) // SECONDS_PER_DAY
    keep = paid & (day >= 0) & (day < days)
    sold = np.zeros((len(skus), days), dtype=np.int64)
    np.add.at(sold, (np.searchsorted(skus, sku[keep]), day[keep]), quantity[keep])
    return sold


def _demand_ahead(sold: np.ndarray, rate: np.ndarray, day: int, horizon: int) -> np.ndarray:
    """Units sold over the `horizon` days after `day` (the mean rate beyond the window)."""
    ahead = sold[:, day + 1 : day + 1 + horizon].sum(axis=1)
    return ahead + rate * max(0, day + 1 + horizon - sold.shape[1])


def _drain(sold_row: np.ndarray, rate: float, start: int, end: int, rng: np.random.Generator
           ) -> tuple[int, list[tuple]]:
    """(Units at hand when day `start` opens, receipts (ordered day, received day, units) on days after it) that
    leave 0 sellable at the end of day `end`, laid out backwards: the stock at the end of day d-1 is the end of
    day d plus d's sales, less a receipt when that would exceed ~35 days of sales (the receipt then leaves ~4
    days' worth before it)."""
    cap, floor = int(np.ceil(rate * 35)) + MIN_ORDER, int(np.ceil(rate * 4))
    level, receipts = 0, []
    for d in range(end, start, -1):
        before = level + int(sold_row[d])
        if before > cap:
            receipts.append((d - _lead(rng), d, before - floor))
            before = floor
        level = before
    return level + int(sold_row[start]), receipts[::-1]


def _lead(rng: np.random.Generator) -> int:
    return int(rng.integers(cat.LEAD_TIME_DAYS[0], cat.LEAD_TIME_DAYS[1] + 1))


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) day of each run of True."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _planned(sold_row: np.ndarray, rate: float, first: int, out: np.ndarray, rng: np.random.Generator,
             late_start: int | None) -> tuple[int, list[tuple], int]:
    """For a SKU with days out of stock: its opening stock, its receipts up to the restock after its last run
    (0 sellable at the end of the day before each run, a restock the day after it) and that run's last day.
    The restock after the run starting on `late_start` (the injected one) was ordered
    STOCKOUT_REORDER_DAYS_BEFORE the day before that run (too late)."""
    days = len(sold_row)
    runs = [(a, b) for a, b in _runs(out) if b >= first]
    opening, receipts, start, restock_ordered = 0, [], first, 0
    for a, b in runs:
        if a - 1 >= start:  # in stock from `start` to the day before the run, ending at 0
            units, drained = _drain(sold_row, rate, start, a - 1, rng)
            receipts.extend(drained)
            if start == first:
                opening = units
            else:
                receipts.append((restock_ordered, start, units))
        restock_ordered = a - 1 - cat.STOCKOUT_REORDER_DAYS_BEFORE if a == late_start else b + 1 - _lead(rng)
        start = b + 1
    if runs:  # the restock after the last run; the daily review goes on from there (received after the window: in
        # transit at its end)
        receipts.append((restock_ordered, start, max(MIN_ORDER, int(np.ceil(rate * ORDER_COVER_DAYS * 2)))))
    return opening, receipts, runs[-1][1] if runs else -1


def simulate_stock(sold: np.ndarray, first: np.ndarray, out: np.ndarray, rng: np.random.Generator,
                   late_sku: int | None = None, late_start: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(sellable at the end of each day, receipts as rows of sku, ordered day, received day, units).
    `out` (SKU, day): days the SKU is out of stock (it sells nothing then); `late_sku`, `late_start`: the injected
    stock-out's SKU and the first day of its run, whose restock was ordered too late."""
    n, days = sold.shape
    active_days = np.maximum(days - first, 1)
    rate = np.maximum(sold.sum(axis=1) / active_days, 0.05)
    arrivals = np.zeros((n, days + cat.LEAD_TIME_DAYS[1] + 1), dtype=np.int64)
    ordered_arrivals = np.zeros_like(arrivals)  # of the orders the daily review placed (its in-transit count)
    receipts: list[tuple] = []
    frozen_until = np.full(n, -1)
    opening = np.ceil(rate * ORDER_COVER_DAYS).astype(np.int64) + MIN_ORDER
    for sku in np.flatnonzero(out.any(axis=1)):
        late = late_start if sku == late_sku else None
        opening[sku], planned, frozen_until[sku] = _planned(sold[sku], rate[sku], first[sku], out[sku], rng, late)
        for ordered, received, units in planned:
            if received < days:
                arrivals[sku, received] += units
            receipts.append((sku, ordered, received, units))
    sellable = np.zeros(n, dtype=np.int64)
    in_transit = np.zeros(n, dtype=np.int64)
    ends = np.zeros((n, days), dtype=np.int64)
    for d in range(days):
        sellable = np.where(first == d, opening, sellable) + arrivals[:, d]
        in_transit -= ordered_arrivals[:, d]
        sellable -= sold[:, d]
        short = np.flatnonzero((sellable <= 0) & (first <= d) & (frozen_until < d))
        for sku in short:
            units = int(-sellable[sku] + np.ceil(rate[sku] * REVIEW_DAYS))
            sellable[sku] += units
            receipts.append((sku, d - cat.EXPRESS_LEAD_TIME_DAYS, d, units))
        reorder = (first <= d) & (frozen_until < d)
        reorder &= sellable + in_transit < _demand_ahead(sold, rate, d, cat.LEAD_TIME_DAYS[1] + REVIEW_DAYS)
        for sku in np.flatnonzero(reorder):
            units = max(MIN_ORDER, int(np.ceil(_demand_ahead(sold[sku : sku + 1], rate[sku : sku + 1], d,
                                                               ORDER_COVER_DAYS)[0])))
            received = d + _lead(rng)
            arrivals[sku, received] += units
            ordered_arrivals[sku, received] += units
            in_transit[sku] += units
            receipts.append((sku, d, received, units))
        ends[:, d] = sellable
    if (ends < 0).any() or (ends[out] != 0).any():
        raise AssertionError("stock: sellable below zero, or a day out of stock with stock")
    return ends, np.array(sorted(receipts, key=lambda r: (r[2], r[0], r[1])), dtype=np.int64).reshape(-1, 4)


def _in_transit(receipts: np.ndarray, n: int, days: int) -> np.ndarray:
    """Units ordered on or before each day and received after it."""
    delta = np.zeros((n, days + 1), dtype=np.int64)
    for sku, ordered, received, units in receipts:
        lo, hi = max(int(ordered), 0), min(int(received), days)
        if lo < hi:
            delta[sku, lo] += units
            delta[sku, hi] -= units
    return np.cumsum(delta, axis=1)[:, :days]


def _first_days(shop: TmallShop) -> np.ndarray:
    """Per SKU, the first day its product is listed in the window (the window's length when never)."""
    listed = shop.listings.listed
    first = np.where(listed.any(axis=0), listed.argmax(axis=0), listed.shape[0])
    return np.repeat(first, len(cat.SKU_COLOURS) * len(cat.SKU_SIZES))


def _out_days(shop: TmallShop, skus: np.ndarray) -> np.ndarray:
    """(SKU, day): out of stock. Every SKU of a product on the days the shop has it sold out and off sale
    (Listings.stockout, Sycm's 已下架), and STOCKOUT_SKU from the day after its STOCKOUT_FIRST_DAY (that day's
    snapshot already shows 0) to its STOCKOUT_LAST_DAY."""
    out = np.repeat(shop.listings.stockout.T, len(cat.SKU_COLOURS) * len(cat.SKU_SIZES), axis=0).copy()
    window = stockout_window(shop.cal)
    if window is not None:
        out[np.flatnonzero(skus == cat.STOCKOUT_SKU)[0], window[0] + 1 : window[1] + 1] = True
    return out


def stock_exports(shop: TmallShop, order: np.ndarray, quantity: np.ndarray, sku: np.ndarray, rng: np.random.Generator
                  ) -> list[Export]:
    """tmall/inventory (one row per SKU and day with a snapshot) and generic/purchase_receipts."""
    cal = shop.cal
    skus = np.sort(_catalog_skus())
    catalog_order = np.searchsorted(skus, _catalog_skus())
    sold = _sold(shop, order, quantity, sku, skus)[catalog_order]
    skus = skus[catalog_order]
    first = _first_days(shop)
    out = _out_days(shop, skus)
    window = stockout_window(cal)
    late_sku = int(np.flatnonzero(skus == cat.STOCKOUT_SKU)[0]) if window is not None else None
    sellable, receipts = simulate_stock(sold, first, out, rng, late_sku, None if window is None else window[0] + 1)
    return [_inventory_export(cal, skus, first, sold, sellable, receipts, shop),
            _receipts_export(cal, skus, receipts, rng)]


def _inventory_export(cal: Calendar, skus: np.ndarray, first: np.ndarray, sold: np.ndarray, sellable: np.ndarray,
                      receipts: np.ndarray, shop: TmallShop) -> Export:
    n, days = sold.shape
    in_transit = _in_transit(receipts, n, days)
    missing = [d for md in cat.INVENTORY_MISSING_DAYS if (d := _day_of(cal, md)) is not None]
    sku_i, day = np.nonzero((np.arange(days)[None, :] >= first[:, None]) & ~np.isin(np.arange(days), missing)[None, :])
    order = np.lexsort((sku_i, day))
    sku_i, day = sku_i[order], day[order]
    per_sku = len(cat.SKU_COLOURS) * len(cat.SKU_SIZES)
    product = sku_i // per_sku
    colour = (sku_i % per_sku) // len(cat.SKU_SIZES)
    size = sku_i % len(cat.SKU_SIZES)
    locked = sold[sku_i, day]
    columns = {
        "snapshot_date": fmt.day_strings(cal.start, day),
        "merchant_code": skus[sku_i],
        "warehouse": np.full(len(day), cat.STOCK_WAREHOUSE),
        "product_title": np.array([p.name for p in cat.TMALL_PRODUCTS])[product],
        "product_id": shop.listings.product_id[product],
        "sku_properties": np.strings.add(
            np.strings.add("颜色分类：", np.array([c for _, c in cat.SKU_COLOURS])[colour]),
            np.strings.add(";尺码：", np.asarray(cat.SKU_SIZES)[size]),
        ),
        "on_hand": fmt.integer(sellable[sku_i, day] + locked),
        "sellable": fmt.integer(sellable[sku_i, day]),
        "locked": fmt.integer(locked),
        "in_transit": fmt.integer(in_transit[sku_i, day]),
    }
    return table_export("tmall", "inventory", cal.month_key[day], columns)


def _receipts_export(cal: Calendar, skus: np.ndarray, receipts: np.ndarray, rng: np.random.Generator) -> Export:
    """The receipts received in the window; ordered and received in office hours."""
    kept = receipts[(receipts[:, 2] >= 0) & (receipts[:, 2] < cal.days)]
    if not len(kept):  # a window too short for any receipt: a header-only file
        names = ("po_id", "sku_id", "warehouse", "supplier", "ordered_at", "received_at", "quantity")
        return table_export("generic", "purchase_receipts", np.zeros(0, dtype=np.int64),
                            {name: np.zeros(0, dtype=str) for name in names})
    sku, ordered, received, units = kept.T
    ordered_s = ordered * SECONDS_PER_DAY + rng.integers(9 * 3600, 18 * 3600, len(kept))
    received_s = received * SECONDS_PER_DAY + rng.integers(9 * 3600, 18 * 3600, len(kept))
    po_day = np.char.replace(fmt.day_strings(cal.start, ordered).astype(str), "-", "")
    columns = {
        "po_id": np.strings.add(np.strings.add("PO", po_day), fmt.padded(np.arange(1, len(kept) + 1), 5)),
        "sku_id": skus[sku],
        "warehouse": np.full(len(kept), cat.STOCK_WAREHOUSE),
        "supplier": np.full(len(kept), cat.STOCK_SUPPLIER),
        "ordered_at": fmt.timestamps(cal.start, ordered_s),
        "received_at": fmt.timestamps(cal.start, received_s),
        "quantity": fmt.integer(units),
    }
    return table_export("generic", "purchase_receipts", cal.month_key[received], columns)


def generic_inventory_export(cal: Calendar, items: Export, rng: np.random.Generator) -> Export:
    """generic/inventory of the generic shop's SKUs (`<product id>-<size>`), one warehouse, stock run by the same
    daily review from its order items (lines of orders not cancelled, on the day ordered); no stock-out injected,
    and no receipts file (its warehouse system is not the Tmall shop's)."""
    lines = items.render(slice(None))
    skus = np.array([f"{p[0]}-{s}" for p in cat.GENERIC_PRODUCTS for s in cat.SKU_SIZES])
    day = (np.asarray(lines["ordered_at"]).astype("datetime64[D]") - np.datetime64(cal.start, "D")).astype(np.int64)
    keep = (lines["status"] != "cancelled") & (day >= 0) & (day < cal.days)
    sold = np.zeros((len(skus), cal.days), dtype=np.int64)
    sku_index = {code: i for i, code in enumerate(skus)}
    rows = np.array([sku_index[c] for c in lines["sku_id"][keep]], dtype=np.int64)
    np.add.at(sold, (rows, day[keep]), lines["quantity"][keep].astype(np.int64))
    first = np.zeros(len(skus), dtype=np.int64)
    sellable, receipts = simulate_stock(sold, first, np.zeros_like(sold, dtype=bool), rng)
    in_transit = _in_transit(receipts, len(skus), cal.days)
    sku_i, day_i = np.nonzero(np.ones_like(sold, dtype=bool))
    order = np.lexsort((sku_i, day_i))
    sku_i, day_i = sku_i[order], day_i[order]
    locked = sold[sku_i, day_i]
    columns = {
        "snapshot_date": fmt.day_strings(cal.start, day_i),
        "sku_id": skus[sku_i],
        "warehouse": np.full(len(day_i), cat.GENERIC_WAREHOUSE),
        "product_id": np.array([p[0] for p in cat.GENERIC_PRODUCTS])[sku_i // len(cat.SKU_SIZES)],
        "on_hand": fmt.integer(sellable[sku_i, day_i] + locked),
        "sellable": fmt.integer(sellable[sku_i, day_i]),
        "locked": fmt.integer(locked),
        "in_transit": fmt.integer(in_transit[sku_i, day_i]),
    }
    return table_export("generic", "inventory", cal.month_key[day_i], columns)
