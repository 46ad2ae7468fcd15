"""Order items reconcile to their orders (DECISIONLOG I2), in the generated files and in the warehouse.

Tmall: for every order, Σ 价格 × 购买数量 of its 宝贝报表 lines = the order's 买家应付货款 and Σ 购买数量 = 宝贝总数量.
Generic: Σ unit_price × quantity = amount and Σ quantity = quantity. Every line's order exists and every order
has lines; the lines' merchant codes are SKUs of the catalog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_generate import cents, ints, read

from storeops.generate import catalog as cat
from storeops.generate import generate

TMALL_SKUS = {f"{p.item_number}-{c}-{s}" for p in cat.TMALL_PRODUCTS for c, _ in cat.SKU_COLOURS for s in cat.SKU_SIZES}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("items")
    generate(root, seed=11, start=date(2024, 5, 27), days=45, progress=False)
    return root


def _per_order(items: pd.DataFrame, price: str, quantity: str) -> pd.DataFrame:
    lines = pd.DataFrame({
        "order_id": items["订单编号" if "订单编号" in items else "order_id"],
        "amount": cents(items[price]) * ints(items[quantity]),
        "quantity": ints(items[quantity]),
        "lines": 1,
    })
    return lines.groupby("order_id").sum()


def test_generated_tmall_items_sum_to_their_orders(demo: Path) -> None:
    orders = read(demo, "tmall", "orders").set_index("订单编号")
    items = read(demo, "tmall", "order_items")
    per_order = _per_order(items, "价格", "购买数量")
    assert set(per_order.index) == set(orders.index)
    joined = per_order.join(orders)
    assert (joined["amount"].to_numpy() == cents(joined["买家应付货款"])).all()
    assert (joined["quantity"].to_numpy() == ints(joined["宝贝总数量"])).all()
    assert (joined["lines"] == 2).any() and (joined["lines"] == 1).any()
    assert set(items["商家编码"]) <= TMALL_SKUS
    assert (items["外部系统编号"] == items["商家编码"]).all()


def test_generated_generic_items_sum_to_their_orders(demo: Path) -> None:
    orders = read(demo, "generic", "orders").set_index("order_id").add_suffix("_order")
    items = read(demo, "generic", "order_items")
    per_order = _per_order(items, "unit_price", "quantity").join(orders)
    assert set(per_order.index) == set(orders.index)
    assert (per_order["amount"].to_numpy() == cents(per_order["amount_order"])).all()
    assert (per_order["quantity"].to_numpy() == ints(per_order["quantity_order"])).all()
    assert all(sku.startswith(f"{product}-") for sku, product in zip(items["sku_id"], items["product_id"], strict=True))


RECONCILE = """
    with lines as (
        select order_id, sum({price} * quantity) as line_amount, sum(quantity) as line_quantity, count(*) as n
        from staging.stg_{platform}__order_items group by order_id
    )
    select
        count(*) as orders,
        count(lines.order_id) as with_lines,
        count(*) filter (where lines.line_amount <> o.{amount}) as amount_differs,
        count(*) filter (where lines.line_quantity <> o.quantity) as quantity_differs,
        (select count(*) from staging.stg_{platform}__order_items as i
         where i.order_id not in (select order_id from staging.stg_{platform}__orders)) as orphan_lines
    from staging.stg_{platform}__orders as o
    left join lines on o.order_id = lines.order_id
"""


@pytest.mark.parametrize(("platform", "price", "amount"), [("tmall", "price", "goods_amount"),
                                                           ("generic", "unit_price", "amount")])
def test_staged_items_sum_to_staged_orders(wh: duckdb.DuckDBPyConnection, platform: str, price: str,
                                           amount: str) -> None:
    """In the published warehouse every staged order has lines, and they sum to it to the cent."""
    orders, with_lines, amount_differs, quantity_differs, orphans = wh.execute(
        RECONCILE.format(platform=platform, price=price, amount=amount)).fetchone()
    assert orders > 100
    assert (with_lines, amount_differs, quantity_differs, orphans) == (orders, 0, 0, 0)
