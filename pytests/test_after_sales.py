"""After-sales: service tickets in the generated files, and fct_after_sales_monthly against a recomputation.

The refund rate and the ticket rate of every (month, platform, product, reason category) are recomputed here in
pandas from the published warehouse's staged tables, the order definition of fct_orders and the seed file,
following the definitions of DECISIONLOG A1-A4 and not the mart's SQL. The before/after analysis is compiled
with the demo's fix dates and run on the warehouse: it must find the shifts the generator injected
(catalog.TICKET_FIXES).
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import REPO, STOREOPS, storeops_env
from test_generate import read

from storeops.generate import catalog as cat
from storeops.generate import generate
from storeops.generate.calendar import build_calendar
from storeops.generate.service_tickets import ticket_rates

VOCABULARY = ["logistics_speed", "damaged", "not_as_described", "size", "quality", "other"]
SEED = REPO / "seeds" / "after_sales_reason_map.csv"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tickets")
    generate(root, seed=11, start=date(2024, 5, 27), days=20, progress=False)
    return root


def test_generated_tickets_belong_to_real_orders(demo: Path) -> None:
    orders = read(demo, "tmall", "orders").set_index("订单编号")
    tickets = read(demo, "tmall", "service_tickets")
    with_order = tickets[tickets["订单编号"] != ""]
    assert len(with_order) > 50 and len(with_order) < len(tickets)
    assert set(with_order["订单编号"]) <= set(orders.index)
    assert (with_order["买家会员名"].to_numpy() == orders.loc[with_order["订单编号"], "买家会员名"].to_numpy()).all()
    paid_at = orders.loc[with_order["订单编号"], "订单付款时间"].to_numpy()
    assert (with_order["创建时间"].to_numpy() > paid_at).all()
    resolved = tickets[tickets["完结时间"] != ""]
    assert (resolved["完结时间"] >= resolved["创建时间"]).all()
    generic_orders = read(demo, "generic", "orders")
    generic = read(demo, "generic", "service_tickets")
    assert set(generic.loc[generic["order_id"] != "", "order_id"]) <= set(generic_orders["order_id"])


def test_every_generated_category_and_refund_reason_is_in_the_seed(demo: Path) -> None:
    seed = pd.read_csv(SEED, dtype=str, keep_default_na=False)
    assert set(seed["reason_category"]) == set(VOCABULARY)
    tickets = {(r.category, r.sub_category) for r in seed[seed["source"] == "ticket"].itertuples()}
    refunds = set(seed.loc[seed["source"] == "refund", "category"])
    for _, category, sub_category, _, _ in cat.TICKET_TYPES:
        assert (category, sub_category) in tickets or (category, "") in tickets
    assert {c for c, *_ in cat.TICKET_TYPES} <= {c for c, _ in tickets}  # generic: the vocabulary itself
    assert set(read(demo, "tmall", "refunds")["退款原因"]) <= refunds


def test_ticket_rates_change_on_the_fix_dates() -> None:
    cal = build_calendar(date(2024, 1, 1), 365)
    fix_days = [(date.fromisoformat(d) - cal.start).days for d, _, _ in cat.TICKET_FIXES]
    rates = ticket_rates(cal, np.array([fix_days[0] - 1, fix_days[0], fix_days[1]]))
    kinds = np.array([t[0] for t in cat.TICKET_TYPES])
    logistics, described = kinds == "logistics_speed", kinds == "not_as_described"
    assert np.allclose(rates[1, logistics], rates[0, logistics] * (1 + cat.SAME_CITY_DELIVERY_EFFECT))
    assert np.allclose(rates[1, described], rates[0, described])
    assert np.allclose(rates[2, described], rates[0, described] * (1 + cat.BETTER_PHOTOS_EFFECT))
    assert np.allclose(rates[:, ~(logistics | described)], rates[0, ~(logistics | described)])


def _reasons(frame: pd.DataFrame, source: str, category: str, sub_category: str | None) -> pd.Series:
    """The seed's reason category: the sub category's row, else the category's, else `other`."""
    seed = pd.read_csv(SEED, dtype=str, keep_default_na=False)
    seed = seed[seed["source"] == source]
    key = {(c.strip().lower(), s.strip().lower()): r for c, s, r in
           zip(seed["category"], seed["sub_category"], seed["reason_category"], strict=True)}
    cats = frame[category].fillna("").str.strip().str.lower()
    subs = frame[sub_category].fillna("").str.strip().str.lower() if sub_category else pd.Series("", index=frame.index)
    return pd.Series([key.get((c, s), key.get((c, ""), "other")) for c, s in zip(cats, subs, strict=True)],
                     index=frame.index)


def _recompute(wh: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Refund rate and tickets per 1,000 orders per (month, platform, product, reason), in pandas."""
    orders = wh.execute("""select platform, order_id, coalesce(paid_at, ordered_at) as paid_at, gross_amount,
                                  refund_amount
                           from marts.fct_orders where is_paid and not is_test_order""").df()
    orders["month_start"] = orders["paid_at"].dt.to_period("M").dt.to_timestamp()
    lines = pd.concat([
        wh.execute("""select 'tmall' as platform, order_id, product_title as product, price * quantity as amount
                      from staging.stg_tmall__order_items""").df(),
        wh.execute("""select 'generic' as platform, order_id, coalesce(product_id, title, sku_id) as product,
                             unit_price * quantity as amount from staging.stg_generic__order_items""").df(),
    ])
    per_product = lines.groupby(["platform", "order_id", "product"], as_index=False)["amount"].sum()
    per_product = per_product.sort_values(["platform", "order_id", "amount", "product"],
                                          ascending=[True, True, False, True])
    product = per_product.drop_duplicates(["platform", "order_id"])[["platform", "order_id", "product"]]
    orders = orders.merge(product, on=["platform", "order_id"], how="left").fillna({"product": "(unknown)"})

    tmall_refunds = wh.execute("""select order_id, refund_reason from staging.stg_tmall__refunds
                                  where trim(refund_status) = '退款成功'""").df()
    tmall_refunds["platform"] = "tmall"
    tmall_refunds["reason_category"] = _reasons(tmall_refunds, "refund", "refund_reason", None)
    other_refunds = orders.loc[(orders["platform"] != "tmall") & (orders["refund_amount"] > 0),
                               ["platform", "order_id"]].assign(reason_category="other")
    refunds = pd.concat([tmall_refunds[["platform", "order_id", "reason_category"]], other_refunds])
    refunds = refunds.merge(orders[["platform", "order_id", "month_start", "product"]], on=["platform", "order_id"])
    refunded = refunds.groupby(["month_start", "platform", "product", "reason_category"])["order_id"].nunique()

    tickets = pd.concat([
        wh.execute("select 'tmall' as platform, order_id, category, sub_category, created_at "
                   "from staging.stg_tmall__service_tickets").df(),
        wh.execute("select 'generic' as platform, order_id, category, sub_category, created_at "
                   "from staging.stg_generic__service_tickets").df(),
    ])
    tickets["reason_category"] = _reasons(tickets, "ticket", "category", "sub_category")
    tickets["month_start"] = tickets["created_at"].dt.to_period("M").dt.to_timestamp()
    tickets = tickets.merge(orders[["platform", "order_id", "product"]], on=["platform", "order_id"], how="left")
    tickets["product"] = tickets["product"].fillna("(no paid order)")
    ticket_counts = tickets.groupby(["month_start", "platform", "product", "reason_category"]).size()

    paid = orders.groupby(["month_start", "platform", "product"]).size().rename("paid_orders")
    cells = pd.Index(sorted(set(paid.index) | {k[:3] for k in refunded.index} | {k[:3] for k in ticket_counts.index}))
    grid = pd.MultiIndex.from_tuples([(*c, r) for c in cells for r in VOCABULARY],
                                     names=["month_start", "platform", "product", "reason_category"])
    out = pd.DataFrame(index=grid).reset_index()
    out = out.merge(paid.reset_index(), on=["month_start", "platform", "product"], how="left").fillna({"paid_orders": 0})
    keys = ["month_start", "platform", "product", "reason_category"]
    out = out.merge(refunded.rename("refunded_orders").reset_index(), on=keys, how="left")
    out = out.merge(ticket_counts.rename("tickets").reset_index(), on=keys, how="left")
    out = out.fillna({"refunded_orders": 0, "tickets": 0})
    denominator = out["paid_orders"].where(out["paid_orders"] > 0)
    out["refund_rate"] = out["refunded_orders"] / denominator
    out["tickets_per_1000_orders"] = 1000 * out["tickets"] / denominator
    return out


def test_refund_rate_and_ticket_rate_match_a_recomputation(wh: duckdb.DuckDBPyConnection) -> None:
    expected = _recompute(wh)
    mart = wh.execute("""select month_start, platform, product, reason_category, paid_orders, refunded_orders, tickets,
                                refund_rate, tickets_per_1000_orders
                         from marts.fct_after_sales_monthly""").df()
    mart["month_start"] = pd.to_datetime(mart["month_start"])
    keys = ["month_start", "platform", "product", "reason_category"]
    joined = expected.merge(mart, on=keys, how="outer", suffixes=("_expected", "_mart"), indicator=True)
    assert (joined["_merge"] == "both").all(), joined[joined["_merge"] != "both"].head(10)
    assert len(joined) > 500 and joined["tickets_expected"].sum() > 1000
    for column in ("paid_orders", "refunded_orders", "tickets"):
        assert (joined[f"{column}_expected"] == joined[f"{column}_mart"]).all(), column
    for column in ("refund_rate", "tickets_per_1000_orders"):
        a, b = joined[f"{column}_expected"].to_numpy(float), joined[f"{column}_mart"].to_numpy(float)
        assert np.array_equal(np.isnan(a), np.isnan(b)), column
        assert np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-9), column


def _before_after(tmp_path: Path, wh: duckdb.DuckDBPyConnection, fix_date: str, window_days: int) -> pd.DataFrame:
    """analyses/after_sales/before_after_fix.sql compiled with the operator's vars, run on the warehouse."""
    exports = tmp_path / "exports"
    exports.mkdir(exist_ok=True)
    env = storeops_env(tmp_path, exports)
    env["STOREOPS_WORKFILE"] = str(tmp_path / "work" / "storeops.duckdb")
    (tmp_path / "work").mkdir(exist_ok=True)
    done = subprocess.run([str(Path(STOREOPS).with_name("dbt")), "compile", "-s", "before_after_fix", "--vars",
                           f"{{fix_date: '{fix_date}', window_days: {window_days}}}", "--target-path",
                           str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
                          cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    sql = next((tmp_path / "target").rglob("before_after_fix.sql")).read_text(encoding="utf-8")
    return wh.execute(sql.replace('"storeops".', "")).df()


def test_before_after_analysis_finds_the_injected_shifts(tmp_path: Path, wh: duckdb.DuckDBPyConnection) -> None:
    for fix_date, category, effect in cat.TICKET_FIXES:
        result = _before_after(tmp_path, wh, fix_date, 90).set_index(["platform", "reason_category"])
        row = result.loc[("tmall", category)]
        assert row["tickets_before"] > 200
        # the injected change, within the noise of 200-500 tickets a window (one standard error is ~0.06)
        assert abs(row["tickets_rate_relative_change"] - effect) < 0.15, (category, row.to_dict())
        untouched = result.loc[("tmall", "size")]
        assert abs(untouched["tickets_rate_relative_change"]) < 0.2, untouched.to_dict()
