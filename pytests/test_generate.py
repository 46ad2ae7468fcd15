"""The demo export generator: determinism, file layout per contract, and numbers that agree across exports.

One 45-day window (2024-05-27 .. 2024-07-10) covers member days, two month
boundaries and the whole of 618 (warm-up, burst, long tail, the dip after).
Files are read back as a user's would be: decoded with the platform's
encoding, every value as text, money parsed here.
"""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from storeops.contracts import Contract, get_contract, load_contracts
from storeops.generate import catalog as cat
from storeops.generate import experiments as ex
from storeops.generate import generate
from storeops.generate.calendar import build_calendar, festival_windows
from storeops.generate.manual import calendar_rows

START = date(2024, 5, 27)
DAYS = 45
LAST_DAY = "2024-07-10"
MONTHS = {"2024-05", "2024-06", "2024-07"}
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ENCODINGS = {
    "tmall": "gbk", "alibaba_com": "utf-8-sig", "site": "utf-8-sig", "generic": "utf-8", "manual": "utf-8-sig",
    "made_in_china": "utf-8-sig",
}
SNAPSHOTS = {"tmall__members", "manual__campaigns", "made_in_china__product_list"}
"""Exports written as one file named after the window's last day, not monthly."""


def _run(root: Path, seed: int) -> Path:
    generate(root, seed=seed, start=START, days=DAYS, progress=False)
    return root


@pytest.fixture(scope="module")
def run_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("a"), 7)


@pytest.fixture(scope="module")
def run_b(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("b"), 7)


@pytest.fixture(scope="module")
def run_c(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("c"), 8)


# --------------------------------------------------------------------------- helpers


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.csv"))}


def _files(root: Path, contract: Contract) -> list[Path]:
    return sorted((root / contract.folder).glob("*.csv"))


def read(root: Path, platform: str, report: str) -> pd.DataFrame:
    """Every file of an export, all text, headers stripped of surrounding spaces."""
    contract = get_contract(platform, report)
    frames = [
        pd.read_csv(p, dtype=str, keep_default_na=False, encoding=ENCODINGS[platform]) for p in _files(root, contract)
    ]
    frame = pd.concat(frames, ignore_index=True)
    frame.columns = [c.strip() for c in frame.columns]
    return frame


def cents(values: pd.Series) -> np.ndarray:
    """Money text (`1,234.50`) as integer cents."""
    return np.rint(values.str.replace(",", "", regex=False).astype(float).to_numpy() * 100).astype(np.int64)


def percents(values: pd.Series) -> np.ndarray:
    """Percent text (`3.25%`) as a number of percent."""
    assert values.str.fullmatch(r"\d+\.\d{2}%").all()
    return values.str.rstrip("%").astype(float).to_numpy()


def ints(values: pd.Series) -> np.ndarray:
    return values.astype(np.int64).to_numpy()


def _header_line(path: Path, encoding: str) -> list[str]:
    with path.open(encoding=encoding, newline="") as f:
        return next(csv.reader(f))


# --------------------------------------------------------------------------- determinism and layout


def test_same_arguments_give_identical_files(run_a: Path, run_b: Path) -> None:
    a, b = _hashes(run_a), _hashes(run_b)
    assert a and a == b


def test_another_seed_gives_other_files(run_a: Path, run_c: Path) -> None:
    """Every file with rows differs; the experiment plans are the operator's, the same whatever the seed, and the
    recall's assignment list has rows in its send month only (the other months are the same header)."""
    a, c = _hashes(run_a), _hashes(run_c)
    header_only = {k for k in a if len((run_a / k).read_bytes().splitlines()) == 1}
    for contract in load_contracts():
        if contract.key == "manual__experiments":
            continue
        ours = {k: v for k, v in a.items() if k.startswith(contract.folder + "/") and k not in header_only}
        theirs = {k: v for k, v in c.items() if k.startswith(contract.folder + "/") and k not in header_only}
        assert set(ours.values()).isdisjoint(theirs.values()), contract.key


def test_every_contract_has_monthly_files(run_a: Path) -> None:
    for contract in load_contracts():
        names = [p.name for p in _files(run_a, contract)]
        if contract.key in SNAPSHOTS:
            assert names == [f"{contract.platform}_{contract.report}_{LAST_DAY}.csv"]
            continue
        months = {
            re.fullmatch(rf"{contract.platform}_{contract.report}_(\d{{4}}-\d{{2}})\.csv", n).group(1) for n in names
        }
        assert months == MONTHS, contract.key


def test_rows_sit_in_the_file_of_their_month(run_a: Path) -> None:
    for contract in load_contracts():
        if contract.key in SNAPSHOTS:
            continue
        header = contract.column(contract.date_column).header
        for path in _files(run_a, contract):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=ENCODINGS[contract.platform])
            frame.columns = [c.strip() for c in frame.columns]
            month = path.stem[-7:].replace("-", "")
            assert (frame[header].str.replace("-", "").str[:6] == month).all(), path.name


def test_natural_keys_are_unique(run_a: Path) -> None:
    for contract in load_contracts():
        frame = read(run_a, contract.platform, contract.report)
        key = [contract.column(name).header for name in contract.natural_key]
        assert not frame.duplicated(key).any(), contract.key
        for column in contract.required:
            assert (frame[column.header] != "").any(), f"{contract.key}.{column.name} never filled"


def test_headers_follow_the_contract(run_a: Path) -> None:
    for contract in load_contracts():
        for path in _files(run_a, contract):
            assert [h.strip() for h in _header_line(path, ENCODINGS[contract.platform])] == contract.headers, path.name


def test_tmall_order_headers_keep_trailing_spaces(run_a: Path) -> None:
    path = _files(run_a, get_contract("tmall", "orders"))[0]
    padded = {h for h in _header_line(path, "gbk") if h.endswith(" ")}
    assert padded == {"收货地址 ", "订单付款时间 ", "联系电话 ", "宝贝标题 ", "宝贝种类 ", "物流单号 "}


def test_encodings_and_line_ends(run_a: Path) -> None:
    for contract in load_contracts():
        for path in _files(run_a, contract):
            raw = path.read_bytes()
            crlf, lf = raw.count(b"\r\n"), raw.count(b"\n")
            if contract.platform == "tmall":
                with pytest.raises(UnicodeDecodeError):
                    raw.decode("utf-8")
                assert re.search(r"[\u4e00-\u9fff]", raw.decode("gbk"))
                assert crlf == lf
            elif contract.platform in ("site", "alibaba_com", "manual", "made_in_china"):
                assert raw.startswith(b"\xef\xbb\xbf"), path.name
                assert crlf == lf
            else:
                assert not raw.startswith(b"\xef\xbb\xbf") and crlf == 0
                raw.decode("utf-8")


# --------------------------------------------------------------------------- Tmall


@pytest.fixture(scope="module")
def tmall_orders(run_a: Path) -> pd.DataFrame:
    orders = read(run_a, "tmall", "orders")
    orders["paid_cents"] = cents(orders["买家实际支付金额"])
    orders["paid_date"] = orders["订单付款时间"].str[:10]
    return orders


@pytest.fixture(scope="module")
def paid_orders(tmall_orders: pd.DataFrame) -> pd.DataFrame:
    return tmall_orders[tmall_orders["订单付款时间"] != ""]


def _by_day(paid: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return paid.groupby(keys).agg(
        buyers=("买家会员名", "nunique"),
        amount=("paid_cents", "sum"),
        orders=("订单编号", "size"),
        quantity=("qty", "sum"),
    )


def test_order_export_quirks(tmall_orders: pd.DataFrame) -> None:
    o = tmall_orders
    assert o["订单编号"].str.fullmatch(r"\d{18,19}").all() and o["订单编号"].is_unique
    assert (o["宝贝种类"] == "1").all() and o["宝贝总数量"].isin(["1", "2", "3"]).all()
    unpaid = o["订单付款时间"] == ""
    assert unpaid.any() and (o.loc[unpaid, "订单状态"].isin(["等待买家付款", "交易关闭"])).all()
    assert o["联系手机"].str.fullmatch(r"1[3-9]\d{9}").all()
    assert (o["收货地址"].str.split(" ").str.len() >= 4).all()
    assert o["买家应付货款"].str.contains(",").any(), "thousands separators expected"
    per_buyer = o.groupby("买家会员名")[["联系手机", "收货地址", "收货人姓名"]].nunique()
    assert (per_buyer == 1).all().all()
    assert (o["订单付款时间"][~unpaid] >= o["订单创建时间"][~unpaid]).all()
    shipped = o["发货时间"] != ""
    assert (o.loc[shipped, "发货时间"] > o.loc[shipped, "订单付款时间"]).all()
    confirmed = o["确认收货时间"] != ""
    assert (o.loc[confirmed, "确认收货时间"] > o.loc[confirmed, "发货时间"]).all()
    assert (cents(o["总金额"]) == cents(o["买家应付货款"]) + cents(o["买家应付邮费"])).all()


def test_presale_orders_pay_a_deposit_in_the_warm_up_and_the_balance_at_the_burst(tmall_orders: pd.DataFrame) -> None:
    """The generator's pre-sale orders (generate/tmall_presale.py), known by construction."""
    o = tmall_orders
    presale = o[o["分阶段订单信息"] != ""]
    assert len(presale) and (presale["定金金额"] != "").all() and (o.loc[o["分阶段订单信息"] == "", "定金金额"] == "").all()
    windows = [w for year in (2024, 2025) for w in festival_windows(year)]
    warm_up = {(f, p): (a.isoformat(), b.isoformat()) for f, p, a, b in
               ((w[0], w[2], w[3], w[4]) for w in windows)}
    deposit_day = presale["定金付款时间"].str[:10]
    in_warm_up = np.zeros(len(presale), dtype=bool)
    for (_, phase), (first, last) in warm_up.items():
        if phase == "warm_up":
            in_warm_up |= ((deposit_day >= first) & (deposit_day <= last)).to_numpy()
    assert in_warm_up.all(), "every deposit is taken in a warm-up"
    assert (cents(presale["定金金额"]) <= cents(presale["总金额"]) * 0.2).all()
    assert (presale["定金付款时间"] >= presale["订单创建时间"]).all()
    paid = presale["尾款付款时间"] != ""
    assert (presale.loc[paid, "订单付款时间"] == presale.loc[paid, "尾款付款时间"]).all()
    bursts = {a.isoformat() for _, _, p, a, _ in windows if p == "burst"}
    assert presale.loc[paid, "尾款付款时间"].str[:10].isin(bursts).all(), "balances are paid on the first burst day"
    assert (presale.loc[paid, "买家实际支付金额"] == presale.loc[paid, "总金额"]).all()
    lost = presale[~paid]
    assert len(lost) and (lost["订单付款时间"] == "").all() and lost["订单状态"].isin(["交易关闭", "等待买家付款"]).all()
    assert lost["分阶段订单信息"].str.contains("尾款[^;]*未付款").all()
    assert 0.05 < len(lost) / len(presale) < 0.3, "about LOST_SHARE of the deposits are lost"


def test_sycm_shop_matches_orders(run_a: Path, paid_orders: pd.DataFrame) -> None:
    shop = read(run_a, "tmall", "sycm_shop_daily").set_index("统计日期")
    expected = _by_day(paid_orders.assign(qty=ints(paid_orders["宝贝总数量"])), ["paid_date"]).reindex(
        shop.index, fill_value=0
    )
    assert (ints(shop["支付买家数"]) == expected["buyers"].to_numpy()).all()
    assert (cents(shop["支付金额"]) == expected["amount"].to_numpy()).all()
    assert (ints(shop["支付子订单数"]) == expected["orders"].to_numpy()).all()


def test_sycm_products_match_orders(run_a: Path, paid_orders: pd.DataFrame) -> None:
    products = read(run_a, "tmall", "sycm_product_traffic").set_index(["统计日期", "商品名称"])
    expected = _by_day(paid_orders.assign(qty=ints(paid_orders["宝贝总数量"])), ["paid_date", "宝贝标题"])
    expected.index.names = products.index.names
    assert expected.index.isin(products.index).all(), "every product sold has a Sycm row"
    expected = expected.reindex(products.index, fill_value=0)
    assert (ints(products["支付买家数"]) == expected["buyers"].to_numpy()).all()
    assert (cents(products["支付金额"]) == expected["amount"].to_numpy()).all()
    assert (ints(products["支付件数"]) == expected["quantity"].to_numpy()).all()
    assert (ints(products["支付新买家数"]) + ints(products["支付老买家数"]) == ints(products["支付买家数"])).all()


def test_sycm_traffic_sources_add_up(run_a: Path) -> None:
    shop = read(run_a, "tmall", "sycm_shop_daily").set_index("统计日期")
    sources = read(run_a, "tmall", "sycm_traffic_sources")
    sources["amount"], sources["uv"], sources["buyers"] = (
        cents(sources["支付金额"]),
        ints(sources["访客数"]),
        ints(sources["支付买家数"]),
    )
    per_day = sources.groupby("统计日期").agg(
        amount=("amount", "sum"), uv_sum=("uv", "sum"), uv_max=("uv", "max"), buyers=("buyers", "sum")
    )
    per_day = per_day.reindex(shop.index)
    assert (per_day["amount"].to_numpy() == cents(shop["支付金额"])).all(), "each order has exactly one source"
    assert (per_day["buyers"].to_numpy() >= ints(shop["支付买家数"])).all()
    visitors = ints(shop["访客数"])
    assert (per_day["uv_sum"].to_numpy() >= visitors).all() and (visitors >= per_day["uv_max"].to_numpy()).all()
    # the member-day push runs on the member days the operator's calendar file writes, and only then
    rule = read(run_a, "manual", "campaigns").query("campaign_type == 'member_day'").iloc[0]
    pushed = sources.loc[sources["流量来源"] == cat.TMALL_MEMBER_DAY_SOURCE, "统计日期"]
    assert len(pushed) > 0 and pushed.between(rule["start_date"], rule["end_date"]).all()
    assert pushed.map(lambda d: date.fromisoformat(d).strftime("%A").lower()).eq(rule["weekday"]).all()


def _monotone(frame: pd.DataFrame, steps: tuple[str, ...]) -> bool:
    """Each funnel step is at most the one before it, on every row."""
    return all((ints(frame[a]) >= ints(frame[b])).all() for a, b in pairwise(steps))


def test_sycm_funnels_are_monotone(run_a: Path, tmall_orders: pd.DataFrame) -> None:
    shop = read(run_a, "tmall", "sycm_shop_daily")
    assert _monotone(shop, ("访客数", "商品访客数", "加购人数", "下单买家数", "支付买家数"))
    products = read(run_a, "tmall", "sycm_product_traffic")
    assert _monotone(products, ("商品访客数", "商品加购人数", "下单买家数"))
    # paying buyers: at most the ordering buyers, plus those paying the balance of a pre-sale order placed
    # earlier (in the warm-up), who pay on the burst day without ordering that day
    balances = tmall_orders[(tmall_orders["尾款付款时间"] != "") & (tmall_orders["订单创建时间"].str[:10]
                                                               != tmall_orders["paid_date"])]
    late = balances.groupby(["paid_date", "宝贝标题"])["买家会员名"].nunique()
    late.index.names = ["统计日期", "商品名称"]
    allowed = ints(products["下单买家数"]) + late.reindex(
        pd.MultiIndex.from_frame(products[["统计日期", "商品名称"]]), fill_value=0
    ).to_numpy()
    assert (ints(products["支付买家数"]) <= allowed).all()
    assert late.sum() > 0, "the demo has pre-sale balances"
    assert _monotone(products, ("商品访客数", "搜索引导访客数", "搜索引导支付买家数"))
    viewers = shop.set_index("统计日期")["商品访客数"].astype(np.int64)
    assert (ints(products["商品访客数"]) <= viewers.loc[products["统计日期"]].to_numpy()).all()
    sources = read(run_a, "tmall", "sycm_traffic_sources")
    assert _monotone(sources, ("访客数", "加购人数", "下单买家数", "支付买家数"))


def test_stockouts_show_visitors_without_orders(run_a: Path, tmall_orders: pd.DataFrame) -> None:
    products = read(run_a, "tmall", "sycm_product_traffic")
    off = products[products["商品状态"] == cat.PRODUCT_STATUS_OFF_SALE]
    assert len(off) and (ints(off["商品访客数"]) > 0).any()
    assert (ints(off["支付买家数"]) == 0).all() and (ints(off["商品加购人数"]) == 0).all()
    assert (products["商品发布时间"] <= products["统计日期"]).all()


def test_zhitongche_feeds_paid_search(run_a: Path) -> None:
    ztc = read(run_a, "tmall", "zhitongche")
    sources = read(run_a, "tmall", "sycm_traffic_sources")
    paid_search = sources[sources["流量来源"] == cat.TMALL_ZTC_SOURCE].set_index("统计日期")
    clicks = (
        ztc.assign(c=ints(ztc["点击量"]), d=cents(ztc["直接成交金额"]))
        .groupby("日期")[["c", "d"]]
        .sum()
        .reindex(paid_search.index)
    )
    assert (ints(paid_search["访客数"]) <= clicks["c"].to_numpy()).all()
    assert (cents(paid_search["支付金额"]) == clicks["d"].to_numpy()).all()
    impressions, n_clicks, spend = ints(ztc["展现量"]), ints(ztc["点击量"]), cents(ztc["花费"])
    total, orders = cents(ztc["总成交金额"]), ints(ztc["总成交笔数"])
    assert (n_clicks <= impressions).all()
    assert (total == cents(ztc["直接成交金额"]) + cents(ztc["间接成交金额"])).all()
    assert (orders == ints(ztc["直接成交笔数"]) + ints(ztc["间接成交笔数"])).all()
    has = n_clicks > 0
    assert np.allclose(percents(ztc["点击率"][has]), 100 * n_clicks[has] / impressions[has], atol=0.0051)
    assert np.allclose(cents(ztc["平均点击花费"][has]), spend[has] / n_clicks[has], atol=0.51)
    assert np.allclose(percents(ztc["点击转化率"][has]), 100 * orders[has] / n_clicks[has], atol=0.0051)
    paid = spend > 0
    roas = ztc["投入产出比"][paid].astype(float).to_numpy()
    assert np.allclose(roas, total[paid] / spend[paid], atol=0.0051)
    assert (ztc.loc[~has, "平均点击花费"] == "--").all()


def test_refunds_agree_with_orders(run_a: Path, tmall_orders: pd.DataFrame, paid_orders: pd.DataFrame) -> None:
    refunds = read(run_a, "tmall", "refunds")
    assert refunds["退款编号"].is_unique
    assert set(refunds["退款状态"]) <= {"退款成功", "退款关闭", "退款中"}
    assert (refunds["退款状态"] == "退款成功").mean() > 0.6
    assert {"七天无理由退换货", "尺码不合适", "质量问题"} <= set(refunds["退款原因"])
    orders = tmall_orders.set_index("订单编号")
    joined = refunds.join(orders[["订单付款时间", "paid_cents"]], on="订单编号")
    assert (joined["订单付款时间"] != "").all()
    assert (cents(refunds["买家退款金额"]) <= joined["paid_cents"].to_numpy()).all()
    assert (refunds["退款的申请时间"] > joined["订单付款时间"]).all()
    done = refunds["退款完结时间"] != ""
    assert (done == (refunds["退款状态"] != "退款中")).all()
    assert (refunds.loc[done, "退款完结时间"] > refunds.loc[done, "退款的申请时间"]).all()
    success = refunds[refunds["退款状态"] == "退款成功"]
    summed = pd.Series(cents(success["买家退款金额"]), index=success["订单编号"]).groupby(level=0).sum()
    assert (cents(orders["退款金额"]) == summed.reindex(orders.index, fill_value=0).to_numpy()).all()
    settled = paid_orders[paid_orders["订单付款时间"] < "2024-06-25"]
    share = settled["订单编号"].isin(refunds["订单编号"]).mean()
    assert 0.05 <= share <= 0.13, share


def test_members_agree_with_orders(run_a: Path, paid_orders: pd.DataFrame) -> None:
    members = read(run_a, "tmall", "members")
    assert members["会员名"].is_unique
    per_buyer = paid_orders.groupby("买家会员名").agg(
        n=("订单编号", "size"), amount=("paid_cents", "sum"), first=("订单创建时间", "min"), phone=("联系手机", "first")
    )
    buyers = members[members["会员名"].isin(per_buyer.index)].set_index("会员名")
    expected = per_buyer.loc[buyers.index]
    assert (ints(buyers["累计购买次数"]) == expected["n"].to_numpy()).all()
    assert (cents(buyers["累计消费金额"]) == expected["amount"].to_numpy()).all()
    assert (buyers["手机号"] == expected["phone"]).all()
    assert (buyers["入会时间"] <= expected["first"]).mean() > 0.7
    never = members[~members["会员名"].isin(per_buyer.index)]
    assert len(never) and (never["累计购买次数"] == "0").all()
    repeaters = per_buyer.index[per_buyer["n"] >= 2]
    assert pd.Index(repeaters).isin(members["会员名"]).mean() > 0.5


# --------------------------------------------------------------------------- own shop


@pytest.fixture(scope="module")
def site_events(run_a: Path) -> pd.DataFrame:
    return read(run_a, "site", "events")


def test_site_purchases_are_the_paid_orders(run_a: Path, site_events: pd.DataFrame) -> None:
    orders = read(run_a, "site", "orders")
    assert orders["order_id"].is_unique
    purchases = site_events[site_events["event_name"] == "purchase"]
    tx = purchases["ecommerce.transaction_id"]
    assert (tx != "").all() and tx.is_unique
    paid = orders[orders["paid_at"] != ""].set_index("order_id")
    assert set(tx) == set(paid.index)
    matched = paid.loc[tx]
    assert (cents(purchases["ecommerce.purchase_revenue"]) == cents(matched["total_amount"])).all()
    assert (purchases["user_pseudo_id"].to_numpy() == matched["user_pseudo_id"].to_numpy()).all()
    unpaid = orders[orders["paid_at"] == ""]
    assert len(unpaid) and unpaid["status"].isin(["cancelled", "pending"]).all()
    assert set(orders["status"]) <= set(cat.SITE_ORDER_STATUS)
    assert (cents(orders["refund_amount"]) <= cents(orders["total_amount"])).all()
    assert (cents(orders["refund_amount"]) > 0).any()
    assert (orders["coupon_code"] == cat.MEMBER_DAY_COUPON).any()
    goods = cents(orders["total_amount"]) + cents(orders["discount_amount"]) - cents(orders["shipping_amount"])
    assert (goods > 0).all()


def test_site_events_follow_ga4(site_events: pd.DataFrame) -> None:
    e = site_events
    assert e["event_id"].is_unique
    assert set(e["event_name"]) == {
        "session_start",
        "page_view",
        "view_item",
        "add_to_cart",
        "begin_checkout",
        "purchase",
    }
    ts = pd.to_datetime(e["event_timestamp"].astype(np.int64), unit="us") + pd.Timedelta(hours=8)
    assert (ts.dt.strftime("%Y%m%d") == e["event_date"]).all()
    session = e["user_pseudo_id"] + "|" + e["ga_session_id"]
    starts = e[e["event_name"] == "session_start"]
    assert (starts["ga_session_id"].astype(np.int64) * 1_000_000 == starts["event_timestamp"].astype(np.int64)).all()
    assert session.groupby(session).size().gt(1).all()
    per_user = e.groupby("user_pseudo_id")["ga_session_id"].nunique()
    assert (per_user > 1).mean() > 0.1, "returning visitors"
    assert e.groupby("user_pseudo_id")["traffic_source.source"].nunique().eq(1).all()
    variants = e.loc[e["experiment_variant"] != ""]
    assert (
        set(variants["experiment_variant"]) == {"A", "B"}
        and (variants["items.item_id"] == cat.SITE_EXPERIMENT_ITEM).all()
    )
    assert variants.groupby("user_pseudo_id")["experiment_variant"].nunique().eq(1).all()
    names = e.groupby(session)["event_name"].agg(set)
    blind = names.map(lambda s: "add_to_cart" in s and "view_item" not in s)
    assert 0.005 < blind.mean() < 0.04
    two = e[e["event_name"] == "purchase"].groupby(session[e["event_name"] == "purchase"]).size()
    assert (two <= 2).all()


def test_site_sessions_pause_around_thirty_minutes(site_events: pd.DataFrame) -> None:
    e = site_events.assign(
        t=site_events["event_timestamp"].astype(np.int64),
        s=site_events["user_pseudo_id"] + "|" + site_events["ga_session_id"],
    )
    gaps = e.sort_values(["s", "t"]).groupby("s")["t"].diff().dropna() / 60e6
    assert ((gaps > 25) & (gaps <= 30)).any() and (gaps > 30).any()


# --------------------------------------------------------------------------- Alibaba.com and generic


def test_alibaba_exports(run_a: Path) -> None:
    perf = read(run_a, "alibaba_com", "product_performance")
    exposures, clicks, visitors, inquiries = (ints(perf[c]) for c in ("曝光量", "点击量", "访客数", "反馈数"))
    assert (clicks <= exposures).all() and (visitors > clicks).any()
    assert ((inquiries < visitors) | (visitors == 0)).all()
    assert set(perf["产品星级"].astype(float)) <= set(cat.STAR_RATINGS)
    assert perf["图片数"].astype(int).between(1, 9).all()
    assert (perf["发布时间"] <= perf["统计日期"]).all()
    assert perf.groupby("产品ID")["统计日期"].min().gt(START.isoformat()).any(), "a listing created in the window"
    p4p = read(run_a, "alibaba_com", "p4p")
    imp, clk, spend = ints(p4p["曝光量"]), ints(p4p["点击量"]), cents(p4p["花费"])
    assert (clk <= imp).all()
    has = clk > 0
    assert np.allclose(cents(p4p["平均点击花费"][has]), spend[has] / clk[has], atol=0.51)


def test_made_in_china_exports(run_a: Path) -> None:
    perf = read(run_a, "made_in_china", "product_performance")
    exposures, clicks, visitors, page_views, inquiries = (
        ints(perf[c]) for c in ("曝光量", "点击量", "访客数", "访问量", "询盘数")
    )
    assert (clicks <= exposures).all() and (visitors > clicks).any() and (page_views >= visitors).all()
    assert ((inquiries < visitors) | (visitors == 0)).all() and inquiries.sum() > 0
    assert (perf["发布时间"] <= perf["统计日期"]).all()
    assert perf.groupby("产品ID")["统计日期"].min().gt(START.isoformat()).any(), "a listing created in the window"
    listing = read(run_a, "made_in_china", "product_list")
    assert listing["产品ID"].is_unique and set(perf["产品ID"]) <= set(listing["产品ID"])
    assert (listing["发布时间"] < listing["更新时间"]).all() and (listing["更新时间"] <= LAST_DAY + " 23:59:59").all()
    assert set(listing["产品星级"].astype(float)) <= set(cat.STAR_RATINGS)
    assert (listing["产品状态"] == cat.MADE_IN_CHINA_STATUS).all()
    first_day = perf.groupby("产品ID")["发布时间"].first()
    assert (listing.set_index("产品ID")["发布时间"].str[:10].reindex(first_day.index) == first_day).all()


def test_generic_orders(run_a: Path) -> None:
    orders = read(run_a, "generic", "orders")
    assert orders["order_id"].is_unique
    assert set(orders["status"]) == {"paid", "cancelled", "refunded"}
    assert (orders.loc[orders["status"] == "cancelled", "paid_at"] == "").all()
    refunded = orders[orders["status"] == "refunded"]
    assert (cents(refunded["refund_amount"]) <= cents(refunded["amount"])).all()
    assert orders["customer_id"].duplicated().any(), "repeat customers"
    assert (orders["currency"] == "CNY").all()


def test_experiments_are_planned_and_the_recall_has_its_holdout(run_a: Path) -> None:
    plans = read(run_a, "manual", "experiments").set_index("实验编号")
    assert list(plans.index) == [ex.PDP_TEST_ID, ex.RECALL_ID]
    assert START.isoformat() <= plans["开始日期"].min() and plans["结束日期"].max() <= LAST_DAY
    assert (plans["开始日期"] <= plans["结束日期"]).all()
    assert plans.loc[ex.RECALL_ID, "对照组"] == "holdout" and plans.loc[ex.PDP_TEST_ID, "对照组"] == "A"
    listed = read(run_a, "generic", "experiment_assignments")
    assert (listed["experiment_id"] == ex.RECALL_ID).all() and (listed["visitor_id"] == "").all()
    groups = listed.groupby("member_id")["variant"].nunique()
    assert (groups == 2).sum() == ex.RECALL_DOUBLE_LISTED
    single = listed[listed["member_id"].isin(groups[groups == 1].index)]
    assert abs((single["variant"] == "holdout").mean() - ex.RECALL_HOLDOUT_SHARE) < 0.05
    orders = read(run_a, "generic", "orders")
    assert set(listed["member_id"]) <= set(orders["customer_id"])
    recall = orders[orders["order_id"].str.startswith("GR")]
    sent = listed["assigned_at"].iloc[0]
    assert len(recall) and (recall["status"] == "paid").all() and (recall["channel"] == "crm").all()
    assert (recall["ordered_at"] >= sent).all()
    holdout = set(single.loc[single["variant"] == "holdout", "member_id"])
    assert not holdout & set(recall["customer_id"]), "the holdout gets no recall order"
    assert (orders["ordered_at"].to_numpy()[1:] >= orders["ordered_at"].to_numpy()[:-1]).all()


# --------------------------------------------------------------------------- seeds


def test_channel_map_covers_every_label(run_a: Path, site_events: pd.DataFrame) -> None:
    seed = pd.read_csv(SEEDS / "channel_map.csv", dtype=str)
    mapped = set(zip(seed["platform"], seed["source_label"]))
    assert set(seed["channel"]) <= set(cat.CHANNELS)
    tmall = set(read(run_a, "tmall", "sycm_traffic_sources")["流量来源"])
    site = set(
        site_events["collected_traffic_source.manual_source"]
        + " / "
        + site_events["collected_traffic_source.manual_medium"]
    )
    generic = set(read(run_a, "generic", "orders")["channel"])
    used = {("tmall", s) for s in tmall} | {("site", s) for s in site} | {("generic", s) for s in generic}
    assert used <= mapped
    assert {("alibaba_com", label) for label, _ in cat.ALIBABA_SOURCES} <= mapped
    assert ("made_in_china", "organic") in mapped


def test_the_operators_calendar_has_both_festivals_a_theme_week_and_a_wednesday_member_day(run_a: Path) -> None:
    calendar = read(run_a, "manual", "campaigns")
    seed = pd.read_csv(SEEDS / "campaign_calendar.csv", dtype=str, keep_default_na=False)
    festivals = calendar[calendar["campaign_type"] == "platform_festival"]
    assert {"618_2024", "double11_2024"} <= set(festivals["campaign_id"])
    # the festival rows repeat the seed's ids and dates (they replace the seed's rows, adding budgets)
    merged = festivals.merge(seed, on=["campaign_id", "phase"], suffixes=("", "_seed"))
    assert len(merged) == len(festivals)
    assert (merged["start_date"] == merged["start_date_seed"]).all()
    assert (merged["end_date"] == merged["end_date_seed"]).all()
    theme = calendar[calendar["campaign_type"] == "theme_week"]
    assert len(theme) == 1 and theme["platform"].eq("tmall").all()
    assert date.fromisoformat(theme["start_date"].iloc[0]).weekday() == 0
    member = calendar[calendar["campaign_type"] == "member_day"]
    assert len(member) == 1 and member["weekday"].eq("wednesday").all() and member["phase"].eq("weekly").all()
    start, end = date.fromisoformat(member["start_date"].iloc[0]), member["end_date"].iloc[0]
    assert start.weekday() == 2 and START < start and end == LAST_DAY
    assert (calendar.loc[calendar["campaign_type"] != "member_day", "weekday"] == "").all()
    assert (calendar["end_date"] >= calendar["start_date"]).all()


def test_campaign_calendar_matches_the_generator() -> None:
    seed = pd.read_csv(SEEDS / "campaign_calendar.csv", dtype=str, keep_default_na=False)
    festivals = seed[seed["phase"] != "weekly"]
    expected = [
        (cid, name, phase, a.isoformat(), b.isoformat())
        for y in (2024, 2025, 2026)
        for cid, name, phase, a, b in festival_windows(y)
    ]
    assert (
        list(
            festivals[["campaign_id", "campaign_name", "phase", "start_date", "end_date"]].itertuples(
                index=False, name=None
            )
        )
        == expected
    )
    # the seed's member day is a default (DECISIONLOG K6): the demo's calendar file writes its own rule
    weekly = seed[seed["phase"] == "weekly"].iloc[0]
    assert weekly["weekday"] != cat.MEMBER_DAY_NAME
    for day in (weekly["start_date"], weekly["end_date"]):
        assert date.fromisoformat(day).strftime("%A").lower() == weekly["weekday"]


def test_the_shop_runs_its_member_day_and_theme_week_on_the_days_its_calendar_writes() -> None:
    cal = build_calendar(date(2024, 1, 1), 365)
    names = [c.name for c in get_contract("manual", "campaigns").columns]
    rows = pd.DataFrame(calendar_rows(np.random.default_rng(0), cal), columns=names)
    days = pd.Series(pd.to_datetime(cal.date_strings).date)

    def written(kind: str) -> np.ndarray:
        hit = np.zeros(cal.days, dtype=bool)
        for row in rows[rows["campaign_type"] == kind].itertuples():
            inside = days.between(date.fromisoformat(row.start_date), date.fromisoformat(row.end_date)).to_numpy()
            rule = row.recurring_weekday
            weekday = days.map(lambda d: not rule or d.strftime("%A").lower() == rule).to_numpy()
            hit |= inside & weekday
        return hit

    assert (written("member_day") == cal.member_day).all()
    assert (written("theme_week") == cal.theme_week).all()
    # both sides of the member day's start, and one theme week, are inside the demo window
    assert cal.member_day.any() and not cal.member_day[: cal.days // 2].any()
    assert cal.theme_week.sum() == cat.THEME_WEEK_DAYS


def test_manual_costs_are_well_formed() -> None:
    seed = pd.read_csv(SEEDS / "manual_costs.csv", dtype=str)
    assert (seed["end_date"] >= seed["start_date"]).all()
    assert (seed["amount"].astype(float) >= 0).all()
    assert set(seed["channel"]) <= set(cat.CHANNELS)
    kol = seed[seed["cost_type"] == "kol_seeding_fee"]
    periods = {
        (f"{y}-{p.first[0]:02d}-{p.first[1]:02d}", f"{y}-{p.last[0]:02d}-{p.last[1]:02d}")
        for y in (2024, 2025, 2026)
        for p in cat.SEEDING_PERIODS
    }
    assert set(zip(kol["start_date"], kol["end_date"])) == periods
