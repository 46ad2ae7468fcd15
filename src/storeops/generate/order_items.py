"""The order item exports (Tmall 宝贝报表, generic order_items): the lines of the orders already made.

Every simulated order sells one product. Its line is one SKU of that product (colour and size for Tmall,
size for the generic shop); some orders of two or more units are two lines of two SKUs of the product,
whose quantities add up to the order's. Every line's price is the order's unit price, so the lines of an
order sum to its goods amount exactly: Σ 价格 × 购买数量 = 买家应付货款 (Tmall), Σ unit_price × quantity =
amount (generic) (DECISIONLOG I2). A refund's status and amount sit on the order's first line.

The Tmall lines carry the demo's stock-out (catalog.STOCKOUT_SKU, DECISIONLOG L3): while the SKU is out of stock
its ordinary lines are its sibling colour's and the pre-sale orders of its product taken then are its own
(generate/stock.py, `stockout_skus`). Only SKU codes move, so the sums above still hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate import fmt
from storeops.generate.sampling import SECONDS_PER_DAY, unique_digits
from storeops.generate.stock import stockout_skus
from storeops.generate.tmall_refunds import STATUSES
from storeops.generate.writer import Export, table_export

if TYPE_CHECKING:
    from storeops.generate.tmall import TmallShop


def split_lines(rng: np.random.Generator, quantity: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order index, quantity, line number from 0) per line: an order of 2+ units is two lines at times."""
    quantity = np.asarray(quantity, dtype=np.int64)
    split = (quantity >= 2) & (rng.random(len(quantity)) < cat.ORDER_ITEM_SPLIT_SHARE)
    first = np.where(split, rng.integers(1, np.maximum(quantity, 2)), quantity)
    lines = 1 + split.astype(np.int64)
    order = np.repeat(np.arange(len(quantity)), lines)
    line_no = np.arange(len(order)) - np.repeat(np.cumsum(lines) - lines, lines)
    line_qty = np.where(line_no == 0, first[order], quantity[order] - first[order])
    return order, line_qty, line_no


def _sizes(rng: np.random.Generator, order: np.ndarray, line_no: np.ndarray, n_orders: int) -> np.ndarray:
    """A size index per line; an order's second line is the next size, so its two lines are two SKUs."""
    first = rng.integers(0, len(cat.SKU_SIZES), n_orders)
    return (first[order] + line_no) % len(cat.SKU_SIZES)


def _first_line_only(values: np.ndarray, line_no: np.ndarray, empty: str = "") -> np.ndarray:
    return np.where(line_no == 0, values, empty)


@dataclass(frozen=True)
class TmallLines:
    """The Tmall order lines: the order each belongs to (index into shop.orders), units, merchant code."""

    order: np.ndarray
    quantity: np.ndarray
    sku: np.ndarray
    columns: dict[str, np.ndarray]


def tmall_item_lines(shop: TmallShop, rng: np.random.Generator) -> TmallLines:
    """The lines of the 宝贝报表: one per order line, SKU merchant codes `<item number>-<colour>-<size>`."""
    o, s, cal = shop.orders, shop.state, shop.cal
    order, qty, line_no = split_lines(rng, o.quantity)
    colour = rng.integers(0, len(cat.SKU_COLOURS), len(o))[order]
    size = _sizes(rng, order, line_no, len(o))
    colour, size = stockout_skus(shop, order, line_no, colour, size)
    product = o.product[order]
    item_number = np.array([p.item_number for p in cat.TMALL_PRODUCTS])[product]
    colours = np.array([c for c, _ in cat.SKU_COLOURS])[colour]
    sizes = np.asarray(cat.SKU_SIZES)[size]
    code = np.strings.add(np.strings.add(np.strings.add(item_number, "-"), np.strings.add(colours, "-")), sizes)
    unit = o.unit_cents[order]
    refund_status = np.full(len(o), "", dtype=object)
    refund_status[shop.refunds.order] = np.array([cat.REFUND_STATUS[k] for k in STATUSES])[shop.refunds.status]
    line_cents = unit * qty
    columns = {
        "order_id": shop.order_ids[order],
        "sub_order_id": unique_digits(rng, len(order), (10, 11), 8),
        "product_title": np.array([p.name for p in cat.TMALL_PRODUCTS])[product],
        "price": fmt.money(unit, thousands=True),
        "quantity": fmt.integer(qty),
        "external_system_id": code,
        "sku_properties": np.strings.add(
            np.strings.add("颜色分类：", np.array([n for _, n in cat.SKU_COLOURS])[colour]),
            np.strings.add(";尺码：", sizes),
        ),
        "package_info": np.full(len(order), ""),
        "note": np.full(len(order), ""),
        "order_status": s.status[order],
        "merchant_code": code,
        "product_id": shop.listings.product_id[product],
        "paid_amount": fmt.money(np.where(o.is_paid[order], line_cents, 0), thousands=True),
        "refund_status": _first_line_only(refund_status[order].astype(str), line_no),
        "refund_amount": _first_line_only(fmt.money(s.refund_cents[order], thousands=True), line_no, "0.00"),
        "shipped_at": fmt.timestamps(cal.start, s.shipped[order]),
        "created_at": fmt.timestamps(cal.start, o.created[order]),
    }
    return TmallLines(order, qty, code, columns)


def tmall_items_export(shop: TmallShop, lines: TmallLines) -> Export:
    """宝贝报表: one row per order line."""
    month = shop.cal.month_key[shop.orders.created[lines.order] // SECONDS_PER_DAY]
    return table_export("tmall", "order_items", month, lines.columns)


def generic_items_export(orders: dict[str, np.ndarray], month: np.ndarray, rng: np.random.Generator) -> Export:
    """generic/order_items from the generic order columns: SKUs `<product id>-<size>`."""
    quantity = orders["quantity"].astype(np.int64)
    amount_cents = np.rint(orders["amount"].astype(float) * 100).astype(np.int64)
    order, qty, line_no = split_lines(rng, quantity)
    sizes = np.asarray(cat.SKU_SIZES)[_sizes(rng, order, line_no, len(quantity))]
    refund = orders["refund_amount"][order]
    refunded = (refund != "") & (refund != fmt.money(np.zeros(1, dtype=np.int64))[0])
    columns = {
        "order_id": orders["order_id"][order],
        "line_id": fmt.integer(line_no + 1),
        "sku_id": np.strings.add(np.strings.add(orders["product_id"][order], "-"), sizes),
        "product_id": orders["product_id"][order],
        "title": np.full(len(order), ""),
        "quantity": fmt.integer(qty),
        "unit_price": fmt.money((amount_cents // quantity)[order]),
        "status": orders["status"][order],
        "refund_status": _first_line_only(np.where(refunded, "refunded", ""), line_no),
        "refund_amount": _first_line_only(refund, line_no),
        "ordered_at": orders["ordered_at"][order],
    }
    return table_export("generic", "order_items", month[order], columns)
