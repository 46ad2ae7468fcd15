"""Stock (DECISIONLOG L1-L5): the demo's stock follows its order items, the marts find the injected stock-out, and
safety stock and reorder point match the formula recomputed here from the staged tables.

The generated files are checked on a short window that holds the stock-out (as in test_order_items.py); the
marts on the published demo warehouse (`wh`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from test_generate import ints, read

from storeops.generate import catalog as cat
from storeops.generate import generate

START, DAYS = date(2024, 5, 27), 45
DEMO_YEAR = 2024
FIRST_OUT = date(DEMO_YEAR, *cat.STOCKOUT_FIRST_DAY)
LAST_OUT = date(DEMO_YEAR, *cat.STOCKOUT_LAST_DAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stock")
    generate(root, seed=11, start=START, days=DAYS, progress=False)
    return root


@pytest.fixture(scope="module")
def inventory(demo: Path) -> pd.DataFrame:
    inv = read(demo, "tmall", "inventory")
    for column in ("实物库存", "可售库存", "锁定库存", "在途库存"):
        inv[column] = ints(inv[column])
    inv["日期"] = pd.to_datetime(inv["日期"]).dt.date
    return inv.sort_values(["商家编码", "日期"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def paid_units(demo: Path) -> pd.DataFrame:
    """Units of the paid item lines per SKU and payment day, and whether the order is a pre-sale one."""
    items = read(demo, "tmall", "order_items")
    orders = read(demo, "tmall", "orders")[["订单编号", "订单付款时间", "分阶段订单信息"]]
    lines = items.merge(orders, on="订单编号", how="inner", validate="many_to_one")
    lines["quantity"] = ints(lines["购买数量"])
    lines["paid_day"] = pd.to_datetime(lines["订单付款时间"].replace("", None)).dt.date
    lines["created_day"] = pd.to_datetime(lines["订单创建时间"]).dt.date
    lines["presale"] = lines["分阶段订单信息"] != ""
    return lines


def test_generated_stock_falls_with_sales_and_rises_with_receipts(demo: Path, inventory: pd.DataFrame,
                                                                    paid_units: pd.DataFrame) -> None:
    """Sellable never negative; on hand = sellable + locked; locked = the day's paid units; from one day to the
    next, sellable changes by the day's receipts less its paid units."""
    assert (inventory["可售库存"] >= 0).all()
    assert (inventory["实物库存"] == inventory["可售库存"] + inventory["锁定库存"]).all()
    sold = paid_units.dropna(subset=["paid_day"]).groupby(["商家编码", "paid_day"])["quantity"].sum()
    locked = inventory.set_index(["商家编码", "日期"])["锁定库存"]
    joined = pd.concat([locked, sold.rename_axis(["商家编码", "日期"])], axis=1).dropna(subset=["锁定库存"]).fillna(0)
    assert (joined["锁定库存"] == joined["quantity"]).all()
    receipts = read(demo, "generic", "purchase_receipts")
    receipts["日期"] = pd.to_datetime(receipts["received_at"]).dt.date
    received = receipts.assign(q=ints(receipts["quantity"])).groupby(["sku_id", "日期"])["q"].sum()
    inv = inventory.set_index(["商家编码", "日期"])
    previous = inv.groupby(level=0)["可售库存"].shift(1)
    change = (inv["可售库存"] - previous).dropna()
    expected = (received.reindex(change.index, fill_value=0) - inv.loc[change.index, "锁定库存"])
    assert (change == expected).all()
    leads = pd.to_datetime(receipts["received_at"]) - pd.to_datetime(receipts["ordered_at"])
    assert (leads > pd.Timedelta(0)).all()


def _zero_runs(inventory: pd.DataFrame) -> pd.DataFrame:
    """One row per run of consecutive snapshots with 0 sellable: SKU, first and last day."""
    out = inventory[inventory["可售库存"] <= 0].copy()
    day = pd.to_datetime(out["日期"])
    out["run"] = (day.diff().dt.days.ne(1) | out["商家编码"].ne(out["商家编码"].shift())).cumsum()
    return out.groupby("run").agg(sku=("商家编码", "first"), first=("日期", "min"), last=("日期", "max"))


def test_generated_stockouts_are_the_sold_out_listings_and_the_stated_one(demo: Path, inventory: pd.DataFrame,
                                                                          paid_units: pd.DataFrame) -> None:
    """Every SKU runs out with its product when the shop has the listing sold out (Sycm 商品状态 已下架): its run
    of 0 sellable ends on such a day. The one other run is STOCKOUT_SKU's, exactly from STOCKOUT_FIRST_DAY to
    STOCKOUT_LAST_DAY: no ordinary unit of it is paid after its first day until restocked, its last units sell
    on that day, and pre-sale orders of it are taken meanwhile."""
    sycm = read(demo, "tmall", "sycm_product_traffic")
    off = set(zip(sycm.loc[sycm["商品状态"] == cat.PRODUCT_STATUS_OFF_SALE, "货号"],
                  pd.to_datetime(sycm.loc[sycm["商品状态"] == cat.PRODUCT_STATUS_OFF_SALE, "统计日期"]).dt.date,
                  strict=True))
    runs = _zero_runs(inventory)
    injected = runs[runs["sku"] == cat.STOCKOUT_SKU]
    assert ((injected["first"] == FIRST_OUT) & (injected["last"] == LAST_OUT)).sum() == 1
    others = runs.drop(injected[injected["first"] == FIRST_OUT].index)
    assert all((sku.rsplit("-", 2)[0], last) in off for sku, last in zip(others["sku"], others["last"], strict=True))
    sku = paid_units[paid_units["商家编码"] == cat.STOCKOUT_SKU]
    during = sku[(sku["paid_day"] > FIRST_OUT) & (sku["paid_day"] <= LAST_OUT) & ~sku["presale"]]
    assert during.empty
    assert (sku[~sku["presale"]]["paid_day"] == FIRST_OUT).any(), "its last units sell on the first day"
    taken = sku[sku["presale"] & (sku["created_day"] > FIRST_OUT) & (sku["created_day"] <= LAST_OUT)]
    assert len(taken) > 0


def test_marts_find_the_injected_stockout(wh: duckdb.DuckDBPyConnection) -> None:
    """The published demo has the injected episode with its dates, a baseline from the days in stock in the 28
    days before and the pre-sale orders taken during it; no sibling SKU of it is out then (its product stays on
    sale); the carried-forward days are the missing snapshots."""
    episodes = wh.execute(
        "select sku_id, start_date, end_date, days_out, units_sold_28d_before, baseline_days, baseline_daily_units, "
        "est_lost_units, est_lost_gmv, presale_orders_taken from marts.fct_stockouts where sku_id = ? "
        "and start_date <= ? and end_date >= ?", [cat.STOCKOUT_SKU, LAST_OUT, FIRST_OUT]).fetchall()
    assert len(episodes) == 1, episodes
    sku, start, end, days_out, before, baseline_days, baseline, lost_units, lost_gmv, presale = episodes[0]
    assert (start, end) == (FIRST_OUT, LAST_OUT)
    assert days_out == (LAST_OUT - FIRST_OUT).days + 1
    assert 0 < baseline_days <= 28 and before > 0 and baseline == pytest.approx(before / baseline_days)
    assert lost_units == pytest.approx(baseline * days_out)
    assert lost_gmv > 0
    assert presale > 0
    siblings = wh.execute(
        "select count(*) from marts.fct_stockouts where sku_id like ? and sku_id <> ? and start_date <= ? "
        "and end_date >= ?", [cat.STOCKOUT_SKU.rsplit("-", 2)[0] + "-%", cat.STOCKOUT_SKU, LAST_OUT, FIRST_OUT]
    ).fetchone()[0]
    assert siblings == 0
    carried = {d for (d,) in wh.execute(
        "select distinct calendar_date from marts.fct_inventory_daily where platform = 'tmall' and is_carried_forward"
    ).fetchall()}
    assert carried == {date(DEMO_YEAR, m, d) for m, d in cat.INVENTORY_MISSING_DAYS}
    sold = wh.execute(
        "select sum(units_sold) from marts.fct_inventory_daily where sku_id = ? and calendar_date > ? "
        "and calendar_date <= ?", [cat.STOCKOUT_SKU, FIRST_OUT, LAST_OUT]).fetchone()[0]
    assert sold == 0


def _frame(wh: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return wh.execute(sql).df()


def _daily(wh: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per platform, SKU and day from its first snapshot to its last: units sold by valid orders, and whether any
    warehouse is out of stock (the last snapshot carried forward), from the staged tables."""
    snapshots = _frame(wh, """
        select 'tmall' as platform, merchant_code as sku_id, coalesce(warehouse, '') as warehouse, snapshot_date,
               sellable from staging.stg_tmall__inventory
        union all
        select 'generic', sku_id, coalesce(warehouse, ''), snapshot_date, sellable from staging.stg_generic__inventory
    """)
    snapshots["snapshot_date"] = pd.to_datetime(snapshots["snapshot_date"])
    frames = []
    for (platform, sku, warehouse), g in snapshots.groupby(["platform", "sku_id", "warehouse"]):
        days = pd.date_range(g["snapshot_date"].min(), g["snapshot_date"].max())
        filled = g.set_index("snapshot_date")["sellable"].reindex(days).ffill()
        frames.append(pd.DataFrame({"platform": platform, "sku_id": sku, "day": days, "out": filled.to_numpy() <= 0}))
    days = pd.concat(frames).groupby(["platform", "sku_id", "day"], as_index=False)["out"].any()
    sales = _frame(wh, """
        select o.platform, coalesce(i.merchant_code, i.external_system_id) as sku_id,
               cast(o.paid_at as date) as day, i.quantity
        from staging.stg_tmall__order_items as i
        inner join intermediate.int_orders as o on o.platform = 'tmall' and o.order_id = i.order_id and o.is_valid
        union all
        select o.platform, i.sku_id, cast(o.paid_at as date), i.quantity
        from staging.stg_generic__order_items as i
        inner join intermediate.int_orders as o on o.platform = 'generic' and o.order_id = i.order_id and o.is_valid
    """)
    sales["day"] = pd.to_datetime(sales["day"])
    units = sales.groupby(["platform", "sku_id", "day"], as_index=False)["quantity"].sum()
    days = days.merge(units, on=["platform", "sku_id", "day"], how="left").fillna({"quantity": 0})
    calendar = _frame(wh, "select platform, calendar_date as day, campaign_id is not null or is_member_day as busy "
                          "from intermediate.int_calendar_days")
    calendar["day"] = pd.to_datetime(calendar["day"])
    return days.merge(calendar, on=["platform", "day"], how="left").fillna({"busy": False})


def test_safety_stock_and_reorder_point_match_the_formula(wh: duckdb.DuckDBPyConnection) -> None:
    """Recompute d̄, σ_d (56 days up to the last snapshot, no campaign, member or stock-out days), L, σ_L (the
    receipts), z (the seeds), safety stock = z·√(L·σ_d² + d̄²·σ_L²), reorder point = d̄·L + safety stock and
    reorder_now, and compare with dim_sku_replenishment."""
    days = _daily(wh)
    as_of = days.groupby(["platform", "sku_id"])["day"].transform("max")
    window = days[(days["day"] > as_of - pd.Timedelta(days=56)) & ~days["out"] & ~days["busy"].astype(bool)]
    demand = window.groupby(["platform", "sku_id"])["quantity"].agg(d="mean", sd=lambda s: s.std(ddof=1))
    receipts = _frame(wh, "select sku_id, epoch(received_at - ordered_at) / 86400.0 as lead "
                          "from staging.stg_generic__purchase_receipts")
    lead = receipts.groupby("sku_id")["lead"].agg(L="mean", sL=lambda s: s.std(ddof=1))
    levels = _frame(wh, "select * from seeds.service_levels")
    default = levels.loc[levels["is_default"], "service_level"].item()
    overrides = _frame(wh, "select * from seeds.sku_service_levels").set_index(["platform", "sku_id"])["service_level"]
    z_of = levels.set_index("service_level")["z"]
    mart = _frame(wh, "select * from marts.dim_sku_replenishment").set_index(["platform", "sku_id"])
    assert len(mart) == days.groupby(["platform", "sku_id"]).ngroups
    checked = 0
    for key, row in mart.iterrows():
        d, sd = demand["d"].get(key, np.nan), demand["sd"].get(key, np.nan)
        sd = 0.0 if np.isnan(sd) and not np.isnan(d) else sd
        z = z_of[overrides.get(key, default)]
        assert row["service_level_z"] == pytest.approx(z)
        assert row["avg_daily_demand"] == pytest.approx(d, nan_ok=True)
        assert row["daily_demand_stddev"] == pytest.approx(sd, nan_ok=True)
        if key[1] not in lead.index or np.isnan(d):
            assert pd.isna(row["safety_stock"]) and pd.isna(row["reorder_point"]), key
            continue
        big_l, s_l = lead.loc[key[1], "L"], lead.loc[key[1], "sL"]
        s_l = 0.0 if np.isnan(s_l) else s_l
        safety = z * np.sqrt(big_l * sd**2 + d**2 * s_l**2)
        assert row["lead_time_days"] == pytest.approx(big_l)
        assert row["safety_stock"] == pytest.approx(safety, rel=1e-9, abs=1e-9), key
        assert row["reorder_point"] == pytest.approx(d * big_l + safety, rel=1e-9, abs=1e-9), key
        assert bool(row["reorder_now"]) == (row["sellable"] + row["in_transit"] <= d * big_l + safety), key
        checked += 1
    assert checked > 300, "most Tmall SKUs have receipts"
