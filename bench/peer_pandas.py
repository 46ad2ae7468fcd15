"""The pandas peer: the three core marts from the raw exports, the way an analyst would without a warehouse.

    python bench/peer_pandas.py <exports folder> --out <folder>

Reads the same export files `storeops build` lands (Tmall: GBK/GB18030; the others: UTF-8 with BOM)
with `pandas.read_csv`, only the columns it needs, and computes with plain, vectorised pandas:

- `fct_funnel_daily`: one row per stat_date, platform, store_id, channel (Sycm traffic sources by
  channel; Alibaba.com product performance; own-shop events sessionised by the 30-minute rule, with
  the channel of each session's first source / medium; own-shop and generic orders);
- `fct_channel_roi_daily` (last click only): spend (Zhitongche, P4P, the manual costs spread over days),
  the platforms' own attributed revenue, own-shop sessions and the last-click attribution of own-shop
  conversions over a 30-day lookback (direct only when alone);
- `fct_member_cohorts`: one row per platform, cohort month and months since the first valid order.

The definitions are the warehouse's (models/marts/* and their YAML, DECISIONLOG); the reference
tables (channel map, manual costs, campaign calendar) are the same seed files an analyst keeps.
What the peer does NOT do, and storeops does: validate the files, keep rejected rows with a reason,
hash personal data, land an audit trail, build the other marts, run ~500 data tests. Rows are not
parsed row by row: unparseable values become NaN (`errors="coerce"`). Re-exported rows are
deduplicated on the natural key (the latest file wins), as staging does.

Writes one pickle per mart to --out and prints a JSON line: rows per mart and seconds.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from storeops.parse_rules import NOT_REPORTED

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SESSION_TIMEOUT_US = 30 * 60 * 1_000_000
LOOKBACK = pd.Timedelta(days=30)
CHINA = pd.Timedelta(hours=8)
TMALL = "gb18030"  # a superset of GBK, which Tmall's back-end writes
UTF8 = "utf-8-sig"  # UTF-8, with or without BOM

CANCELLED = {"cancelled", "canceled", "cancel", "closed", "void", "voided", "failed", "declined", "rejected",
             "expired", "已取消", "取消", "交易关闭", "关闭"}
UNPAID = {"pending", "unpaid", "awaiting_payment", "pending_payment", "created", "待付款", "未付款", "等待买家付款"}
REFUNDED = {"refunded", "已退款", "退款成功"}
TEST = {"test", "test_order", "测试", "测试单", "测试订单"}


# ----------------------------------------------------------------------------------------------- reading


def read_export(exports: Path, folder: str, encoding: str, columns: dict[str, str],
                key: list[str] | None = None, categorical: Iterable[str] = ()) -> pd.DataFrame:
    """Every CSV of one export folder: `columns` (header -> name) as text, latest version of each `key`.

    Headers are matched without their surrounding spaces (Tmall's carry some); low-cardinality
    columns are made categorical file by file, to keep the big event export small in memory.
    """
    cats = list(categorical)
    frames = []
    for path in sorted((exports / folder).glob("*.csv")):
        frame = pd.read_csv(path, encoding=encoding, usecols=lambda h: h.strip() in columns, dtype="str",
                            keep_default_na=False, na_values=list(NOT_REPORTED))
        frame = frame.rename(columns=lambda h: columns[h.strip()])
        frames.append(frame.astype({name: "category" for name in cats if name in frame.columns}))
    if not frames:
        return pd.DataFrame({name: pd.Series(dtype="str") for name in columns.values()})
    out = pd.concat(frames, ignore_index=True)
    for name in cats:
        if name in out.columns:
            out[name] = union_categoricals([f[name] for f in frames])
    for name in columns.values():  # an optional column no file has
        if name not in out.columns:
            out[name] = pd.Series(np.nan, index=out.index, dtype="str")
    return out.drop_duplicates(key, keep="last", ignore_index=True) if key else out


def money(s: pd.Series) -> pd.Series:
    """'1,234.50' / '¥1,234.50' -> 1234.5 (NaN when absent or unparseable)."""
    return pd.to_numeric(s.str.replace(r"[,¥￥\s]", "", regex=True), errors="coerce")


def number(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s.str.replace(",", "", regex=False), errors="coerce")


def timestamp(s: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(s.str.replace("/", "-", regex=False), format="ISO8601", errors="coerce")
    return parsed.astype("datetime64[us]")


def from_epoch_us(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, unit="us").astype("datetime64[us]")


def day(s: pd.Series) -> pd.Series:
    return timestamp(s).dt.normalize()


def seeds() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(SEEDS / f"{name}.csv", dtype=str)
            for name in ("channel_map", "manual_costs", "campaign_calendar")}


def channel_lookup(channel_map: pd.DataFrame, platform: str) -> dict[str, str]:
    rows = channel_map[channel_map.platform == platform]
    return dict(zip(rows.source_label, rows.channel))


def safe_divide(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """NULL (NaN) when the denominator is 0 or missing, as the warehouse's safe_divide."""
    return numerator.astype("float64") / denominator.astype("float64").replace(0, np.nan)


# ------------------------------------------------------------------------------------------- orders


def orders(exports: Path, channel_map: pd.DataFrame) -> pd.DataFrame:
    """One row per order of Tmall, own shop and generic: paid, cancelled, test, refunds, valid (int_orders)."""
    frames = [tmall_orders(exports), site_orders_conformed(exports), generic_orders(exports, channel_map)]
    out = pd.concat(frames, ignore_index=True)
    refund = np.where(out.is_paid, out.refund_amount.fillna(0), 0.0)
    fully = out.is_paid & (out.is_refunded_status | ((refund > 0) & (refund >= out.gross_amount)))
    out["refund_amount"] = np.where(fully & out.is_refunded_status, out.gross_amount, refund)
    out["net_amount"] = out.gross_amount - out.refund_amount
    out["is_fully_refunded"] = fully
    out["is_valid"] = out.is_paid & ~out.is_cancelled & ~out.is_test_order & ~fully
    out["order_date"] = out.ordered_at.dt.normalize()
    return out


def tmall_orders(exports: Path) -> pd.DataFrame:
    raw = read_export(exports, "tmall/orders", TMALL, {
        "订单编号": "order_id", "买家会员名": "member_key", "总金额": "total_amount",
        "买家实际支付金额": "paid_amount", "订单状态": "order_status", "订单创建时间": "created_at",
        "订单付款时间": "paid_at", "订单备注": "order_note", "商家备注": "seller_note", "退款金额": "refund_amount",
    }, key=["order_id"])
    refunds = read_export(exports, "tmall/refunds", TMALL, {
        "退款编号": "refund_id", "订单编号": "order_id", "买家退款金额": "refund_amount", "退款状态": "refund_status",
    }, key=["refund_id"])
    done = refunds[refunds.refund_status == "退款成功"]
    refunded = money(done.refund_amount).groupby(done.order_id).sum()
    paid_at = timestamp(raw.paid_at)
    is_paid = paid_at.notna()
    notes = raw.seller_note.fillna("") + "\n" + raw.order_note.fillna("")
    refund = money(raw.refund_amount).fillna(raw.order_id.map(refunded)).fillna(0)
    return pd.DataFrame({
        "platform": "tmall", "store_id": "tmall", "order_id": raw.order_id, "member_key": raw.member_key,
        "user_pseudo_id": None, "channel": None,
        "gross_amount": np.where(is_paid, money(raw.paid_amount), money(raw.total_amount)),
        "refund_amount": refund.where(is_paid, 0.0), "is_paid": is_paid,
        "is_cancelled": raw.order_status.eq("交易关闭"), "is_test_order": notes.str.contains("测试单|测试订单"),
        "is_refunded_status": False, "ordered_at": timestamp(raw.created_at), "paid_at": paid_at,
    })


def site_orders(exports: Path) -> pd.DataFrame:
    return read_export(exports, "site/orders", UTF8, {
        "order_id": "order_id", "customer_id": "customer_id", "created_at": "created_at", "paid_at": "paid_at",
        "status": "status", "total_amount": "total_amount", "refund_amount": "refund_amount",
        "user_pseudo_id": "user_pseudo_id",
    }, key=["order_id"])


def site_orders_conformed(exports: Path) -> pd.DataFrame:
    raw = site_orders(exports)
    status = raw.status.str.strip().str.lower()
    refund = number(raw.refund_amount)
    paid_at = timestamp(raw.paid_at)
    return pd.DataFrame({
        "platform": "site", "store_id": "site", "order_id": raw.order_id, "member_key": raw.customer_id,
        "user_pseudo_id": raw.user_pseudo_id, "channel": None, "gross_amount": number(raw.total_amount),
        "refund_amount": refund, "is_paid": paid_at.notna(), "is_cancelled": status.isin(CANCELLED),
        "is_test_order": status.isin(TEST), "is_refunded_status": status.isin(REFUNDED) & refund.isna(),
        "ordered_at": timestamp(raw.created_at), "paid_at": paid_at,
    })


def generic_orders(exports: Path, channel_map: pd.DataFrame) -> pd.DataFrame:
    raw = read_export(exports, "generic/orders", UTF8, {
        "order_id": "order_id", "customer_id": "customer_id", "ordered_at": "ordered_at", "amount": "amount",
        "status": "status", "paid_at": "paid_at", "refund_amount": "refund_amount", "channel": "channel",
        "store_id": "store_id",
    }, key=["order_id"])
    status = raw.status.str.strip().str.lower()
    label = raw.channel.str.strip().str.lower()
    canonical = set(channel_map.channel)
    mapped = label.map(channel_lookup(channel_map, "generic"))
    mapped = mapped.fillna(label.where(label.isin(canonical))).fillna("other").where(label.notna())
    refund = number(raw.refund_amount)
    paid_at = timestamp(raw.paid_at)
    return pd.DataFrame({
        "platform": "generic", "store_id": raw.store_id.fillna("generic"), "order_id": raw.order_id,
        "member_key": raw.customer_id, "user_pseudo_id": None, "channel": mapped,
        "gross_amount": number(raw.amount), "refund_amount": refund,
        "is_paid": paid_at.notna() | ~status.isin(UNPAID | CANCELLED), "is_cancelled": status.isin(CANCELLED),
        "is_test_order": status.isin(TEST), "is_refunded_status": status.isin(REFUNDED) & refund.isna(),
        "ordered_at": timestamp(raw.ordered_at), "paid_at": paid_at,
    })


# ---------------------------------------------------------------------------------- own-shop sessions


def site_events(exports: Path) -> pd.DataFrame:
    """Events sorted per user in time order, each with its session (30 minutes without an event ends one)."""
    ev = read_export(exports, "site/events", UTF8, {
        "event_id": "event_id", "event_date": "event_date", "event_timestamp": "event_timestamp",
        "event_name": "event_name", "user_pseudo_id": "user_pseudo_id",
        "collected_traffic_source.manual_source": "source", "collected_traffic_source.manual_medium": "medium",
        "ecommerce.transaction_id": "transaction_id",
    }, key=["event_id"], categorical=("event_date", "event_name", "source", "medium"))
    ev["event_timestamp"] = pd.to_numeric(ev.event_timestamp, errors="coerce").astype("int64")
    ev = ev.sort_values(["user_pseudo_id", "event_timestamp", "event_id"], ignore_index=True)
    new_user = ev.user_pseudo_id.ne(ev.user_pseudo_id.shift()).to_numpy()
    gap = np.diff(ev.event_timestamp.to_numpy(), prepend=0)
    ev["session"] = np.cumsum(new_user | (gap > SESSION_TIMEOUT_US))  # a global session number
    return ev


def sessions(ev: pd.DataFrame, channel_map: pd.DataFrame) -> pd.DataFrame:
    """One row per session: user, start (UTC), China day, first source / medium and its channel."""
    grouped = ev.groupby("session", sort=True)
    out = grouped[["source", "medium"]].first()  # the first non-empty value, as DuckDB's arg_min
    out["user_pseudo_id"] = grouped.user_pseudo_id.first()
    started = from_epoch_us(grouped.event_timestamp.first())
    out["started_at"] = started
    out["session_date"] = (started + CHINA).dt.normalize()
    label = out.source.astype("str").fillna("(direct)") + " / " + out.medium.astype("str").fillna("(none)")
    out["channel"] = label.map(channel_lookup(channel_map, "site")).fillna("other")
    return out


def first_purchases(ev: pd.DataFrame) -> pd.DataFrame:
    """Each transaction's first purchase event: its session, user and time."""
    buys = ev.loc[ev.event_name.eq("purchase") & ev.transaction_id.notna(),
                  ["transaction_id", "session", "user_pseudo_id", "event_timestamp", "event_id"]]
    buys = buys.sort_values(["event_timestamp", "event_id"]).drop_duplicates("transaction_id")
    return buys.set_index("transaction_id")


# -------------------------------------------------------------------------------------------- funnel


def funnel_daily(exports: Path, ev: pd.DataFrame, sess: pd.DataFrame, conformed: pd.DataFrame,
                 buys: pd.DataFrame, channel_map: pd.DataFrame) -> pd.DataFrame:
    parts = [tmall_funnel(exports, channel_map), b2b_funnel(exports, channel_map, "alibaba_com", "反馈数"),
             b2b_funnel(exports, channel_map, "made_in_china", "询盘数"),
             order_platform_funnel(ev, sess, conformed, buys)]
    out = pd.concat(parts, ignore_index=True)
    out["ctr"] = safe_divide(out.clicks, out.exposures)
    out["product_view_rate"] = safe_divide(out.product_viewers, out.visitors)
    out["cart_rate"] = safe_divide(out.cart_adders, out.visitors)
    out["order_conversion_rate"] = safe_divide(out.ordering_buyers, out.visitors)
    out["payment_conversion_rate"] = safe_divide(out.paying_buyers, out.visitors)
    out["inquiry_rate"] = safe_divide(out.inquiries, out.visitors)
    out["average_order_value"] = safe_divide(out.gmv, out.paying_buyers)
    return out


def tmall_funnel(exports: Path, channel_map: pd.DataFrame) -> pd.DataFrame:
    src = read_export(exports, "tmall/sycm_traffic_sources", TMALL, {
        "统计日期": "stat_date", "流量来源": "traffic_source", "来源明细": "source_detail", "访客数": "visitors",
        "浏览量": "page_views", "加购人数": "cart_adders", "下单买家数": "ordering_buyers",
        "支付买家数": "paying_buyers", "支付金额": "gmv",
    }, key=["stat_date", "traffic_source", "source_detail"])
    counts = ["visitors", "page_views", "cart_adders", "ordering_buyers", "paying_buyers"]
    frame = src[counts].apply(number).assign(gmv=money(src.gmv), stat_date=day(src.stat_date))
    frame["channel"] = src.traffic_source.map(channel_lookup(channel_map, "tmall")).fillna("other")
    out = frame.groupby(["stat_date", "channel"], as_index=False).agg(
        **{c: (c, lambda s: s.sum(min_count=1)) for c in [*counts, "gmv"]}, rows=("visitors", "size"))
    out["visitors_is_distinct_count"] = out.pop("rows").eq(1)
    return out.assign(platform="tmall", store_id="tmall")


def b2b_funnel(exports: Path, channel_map: pd.DataFrame, platform: str, inquiries: str) -> pd.DataFrame:
    """Alibaba.com or Made-in-China.com: product performance summed over products (`inquiries`: its header)."""
    perf = read_export(exports, f"{platform}/product_performance", UTF8, {
        "统计日期": "stat_date", "产品ID": "product_id", "曝光量": "exposures", "点击量": "clicks",
        "访客数": "visitors", inquiries: "inquiries",
    }, key=["stat_date", "product_id"])
    counts = ["exposures", "clicks", "visitors", "inquiries"]
    frame = perf[counts].apply(number).assign(stat_date=day(perf.stat_date))
    out = frame.groupby("stat_date", as_index=False).agg(
        **{c: (c, lambda s: s.sum(min_count=1)) for c in counts}, rows=("visitors", "size"))
    out["visitors_is_distinct_count"] = out.pop("rows").eq(1)
    channel = channel_lookup(channel_map, platform).get("organic", "other")
    return out.assign(platform=platform, store_id=platform, channel=channel)


def funnel_orders(sess: pd.DataFrame, conformed: pd.DataFrame, buys: pd.DataFrame) -> pd.DataFrame:
    """Own-shop and generic orders with their funnel channel (int_funnel_orders)."""
    od = conformed[conformed.platform.isin(["site", "generic"])].copy()
    site = od.platform.eq("site")
    od["session"] = od.order_id.map(buys.session).where(site)
    # no purchase event: the buyer's latest session that started by the order time (UTC, 1 s of slack)
    missing = od[site & od.session.isna() & od.user_pseudo_id.notna() & od.ordered_at.notna()]
    if len(missing):
        probe = missing[["order_id", "user_pseudo_id"]].assign(at=missing.ordered_at - CHINA + pd.Timedelta(seconds=1))
        starts = sess[["user_pseudo_id", "started_at"]].reset_index()
        starts["user_pseudo_id"] = starts.user_pseudo_id.astype("str")
        probe["user_pseudo_id"] = probe.user_pseudo_id.astype("str")
        found = pd.merge_asof(probe.sort_values("at"), starts.sort_values("started_at"), left_on="at",
                              right_on="started_at", by="user_pseudo_id", direction="backward")
        od["session"] = od.session.fillna(od.order_id.map(found.set_index("order_id").session).where(site))
    session_channel = od.session.map(sess.channel)
    od["channel"] = np.where(site, session_channel.fillna("other"), od.channel.fillna("other"))
    od["paid_amount"] = od.gross_amount.where(od.is_paid)
    od["net_paid_amount"] = od.net_amount.where(od.is_paid)
    od["payment_date"] = od.paid_at.dt.normalize().fillna(od.order_date).where(od.is_paid)
    return od


def order_platform_funnel(ev: pd.DataFrame, sess: pd.DataFrame, conformed: pd.DataFrame,
                          buys: pd.DataFrame) -> pd.DataFrame:
    od = funnel_orders(sess, conformed, buys)
    keys = ["stat_date", "platform", "store_id", "channel"]
    ordering = (od.rename(columns={"order_date": "stat_date"}).groupby(keys).member_key.nunique()
                .rename("ordering_buyers"))
    paid = od[od.is_paid].rename(columns={"payment_date": "stat_date"})
    paying = paid.groupby(keys).agg(paying_buyers=("member_key", "nunique"), paid_orders=("order_id", "size"),
                                    gmv=("paid_amount", "sum"), net_gmv=("net_paid_amount", "sum"))
    traffic = site_traffic(ev, sess)
    out = pd.concat([ordering, paying, traffic], axis=1).reset_index()
    site = out.platform.eq("site")
    for c in ["visitors", "page_views", "product_viewers", "cart_adders"]:
        out[c] = out[c].fillna(0).where(site)
    for c in ["ordering_buyers", "paying_buyers", "paid_orders", "gmv", "net_gmv"]:
        out[c] = out[c].fillna(0)
    out["visitors_is_distinct_count"] = np.where(site, True, None)
    return out


def site_traffic(ev: pd.DataFrame, sess: pd.DataFrame) -> pd.DataFrame:
    """Per event day and session channel: distinct visitors, page views, product viewers, cart adders."""
    frame = pd.DataFrame({
        "stat_date": ev.event_date, "channel": sess.channel.to_numpy()[ev.session.to_numpy() - 1],
        "user": ev.user_pseudo_id.factorize()[0], "event_name": ev.event_name,
    })
    keys = ["stat_date", "channel"]

    def distinct_users(rows: pd.DataFrame) -> pd.Series:
        return rows.drop_duplicates([*keys, "user"]).groupby(keys, observed=True).size()

    out = pd.DataFrame({
        "visitors": distinct_users(frame),
        "page_views": frame[frame.event_name.eq("page_view")].groupby(keys, observed=True).size(),
        "product_viewers": distinct_users(frame[frame.event_name.eq("view_item")]),
        "cart_adders": distinct_users(frame[frame.event_name.eq("add_to_cart")]),
    })
    out = out.reset_index()
    out["stat_date"] = pd.to_datetime(out.stat_date.astype("str"), format="%Y%m%d").astype("datetime64[us]")
    out["platform"], out["store_id"] = "site", "site"
    return out.set_index(["stat_date", "platform", "store_id", "channel"])


# ---------------------------------------------------------------------------------------- channel ROI


def manual_costs_daily(costs: pd.DataFrame, calendar: pd.DataFrame) -> pd.DataFrame:
    """The manual costs spread over their days in whole cents; member_crm costs over member days."""
    c = costs.assign(start=pd.to_datetime(costs.start_date), end=pd.to_datetime(costs.end_date),
                     cents=(pd.to_numeric(costs.amount) * 100).round().astype("int64"))
    c["stat_date"] = [list(pd.date_range(s, e)) for s, e in zip(c.start, c.end)]
    days = c.explode("stat_date", ignore_index=True)
    days["stat_date"] = pd.to_datetime(days.stat_date)
    weekly = calendar[calendar.phase == "weekly"]
    member_day = pd.Series(False, index=days.index)
    for row in weekly.itertuples():  # one weekly rule in the seed
        member_day |= (days.stat_date.between(pd.Timestamp(row.start_date), pd.Timestamp(row.end_date))
                       & days.stat_date.dt.day_name().str.lower().eq(row.weekday))
    days["member_day"] = member_day
    cost = ["platform", "channel", "cost_type", "start_date"]
    days["spread_on_member_days"] = days.channel.eq("member_crm") & days.groupby(cost).member_day.transform("any")
    days = days[days.member_day | ~days.spread_on_member_days].sort_values([*cost, "stat_date"])
    n = days.groupby(cost).stat_date.transform("size")
    k = days.groupby(cost).cumcount() + 1
    days["spend"] = (days.cents // n + (k <= days.cents % n).astype("int64")) / 100
    return days[["stat_date", "platform", "channel", "cost_type", "spend"]]


def spend_daily(exports: Path, seed: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows of stat_date, platform, channel, cost_source with spend, impressions, clicks, platform conversions."""
    cm = seed["channel_map"]
    ztc = read_export(exports, "tmall/zhitongche", TMALL, {
        "日期": "stat_date", "推广计划": "campaign_name", "宝贝名称": "unit_name", "展现量": "impressions",
        "点击量": "clicks", "花费": "spend", "总成交金额": "total_gmv", "总成交笔数": "total_orders",
    }, key=["stat_date", "campaign_name", "unit_name"])
    p4p = read_export(exports, "alibaba_com/p4p", UTF8, {
        "日期": "stat_date", "推广计划": "campaign_name", "关键词": "keyword", "曝光量": "impressions",
        "点击量": "clicks", "花费": "spend",
    }, key=["stat_date", "campaign_name", "keyword"])
    ztc_days = pd.DataFrame({
        "stat_date": day(ztc.stat_date), "spend": money(ztc.spend), "impressions": number(ztc.impressions),
        "clicks": number(ztc.clicks), "platform_conversions": number(ztc.total_orders),
        "platform_conversion_value": money(ztc.total_gmv),
    }).groupby("stat_date", as_index=False).sum(min_count=1)
    p4p_days = pd.DataFrame({
        "stat_date": day(p4p.stat_date), "spend": money(p4p.spend), "impressions": number(p4p.impressions),
        "clicks": number(p4p.clicks),
    }).groupby("stat_date", as_index=False).sum(min_count=1)
    manual = manual_costs_daily(seed["manual_costs"], seed["campaign_calendar"])
    manual = manual.groupby(["stat_date", "platform", "channel", "cost_type"], as_index=False).spend.sum()
    return pd.concat([
        ztc_days.assign(platform="tmall", cost_source="zhitongche",
                        channel=channel_lookup(cm, "tmall").get("直通车", "other")),
        p4p_days.assign(platform="alibaba_com", cost_source="alibaba_com_p4p",
                        channel=channel_lookup(cm, "alibaba_com").get("P4P", "other")),
        manual.assign(cost_source="manual_costs"),
    ], ignore_index=True)


def platform_revenue(exports: Path, spend: pd.DataFrame, conformed: pd.DataFrame,
                     channel_map: pd.DataFrame) -> pd.DataFrame:
    """The platforms' own attributed revenue per day and channel, one basis per channel."""
    keys = ["stat_date", "platform", "channel"]
    ads = spend[spend.platform_conversion_value.notna()].groupby(keys, as_index=False).agg(
        platform_attributed_orders=("platform_conversions", "sum"),
        platform_attributed_revenue=("platform_conversion_value", "sum"))
    ad_channels = set(zip(ads.platform, ads.channel))
    src = read_export(exports, "tmall/sycm_traffic_sources", TMALL, {
        "统计日期": "stat_date", "流量来源": "traffic_source", "来源明细": "source_detail", "支付金额": "paid_amount",
    }, key=["stat_date", "traffic_source", "source_detail"])
    sycm = pd.DataFrame({
        "stat_date": day(src.stat_date), "platform": "tmall",
        "channel": src.traffic_source.map(channel_lookup(channel_map, "tmall")).fillna("other"),
        "platform_attributed_revenue": money(src.paid_amount),
    }).groupby(keys, as_index=False).sum(min_count=1)
    sycm = sycm[[(p, c) not in ad_channels for p, c in zip(sycm.platform, sycm.channel)]]
    g = conformed[conformed.platform.eq("generic") & conformed.channel.notna() & conformed.is_paid
                  & ~conformed.is_cancelled & ~conformed.is_test_order]
    generic = g.assign(stat_date=g.paid_at.fillna(g.ordered_at).dt.normalize()).groupby(keys, as_index=False).agg(
        platform_attributed_orders=("order_id", "size"), platform_attributed_revenue=("gross_amount", "sum"))
    return pd.concat([ads, sycm, generic], ignore_index=True)


def conversions(conformed: pd.DataFrame, buys: pd.DataFrame) -> pd.DataFrame:
    """Paid own-shop orders (not cancelled, not test): converting session, time (UTC), revenue, new customer."""
    site = conformed[conformed.platform.eq("site")]
    valid = site[site.is_valid].sort_values(["ordered_at", "order_id"])
    first_valid = set(valid.drop_duplicates("member_key").order_id)
    conv = site[site.is_paid & ~site.is_cancelled & ~site.is_test_order].copy()
    bought = conv.order_id.map(buys.event_timestamp)
    conv["user"] = conv.order_id.map(buys.user_pseudo_id).astype("str").fillna(conv.user_pseudo_id)
    conv["converting_session"] = conv.order_id.map(buys.session)
    conv["converted_at"] = from_epoch_us(bought).fillna(conv.paid_at - CHINA)
    conv["conversion_date"] = (conv.converted_at + CHINA).dt.normalize()
    conv["new_customer"] = conv.order_id.isin(first_valid).astype("int64")
    return conv[["order_id", "user", "converting_session", "converted_at", "conversion_date", "gross_amount",
                 "net_amount", "new_customer"]]


def last_click_daily(conv: pd.DataFrame, sess: pd.DataFrame) -> pd.DataFrame:
    """Every touch per conversion (sessions started in the 30 days before it; direct only when alone),
    the last one credited: per conversion day and channel, orders, revenue, net revenue, new customers."""
    s = sess[["user_pseudo_id", "started_at", "channel"]].reset_index()
    s["user_pseudo_id"] = s.user_pseudo_id.astype("str")
    cand = conv.merge(s, left_on="user", right_on="user_pseudo_id")
    inside = (cand.converted_at >= cand.started_at) & (cand.converted_at - LOOKBACK <= cand.started_at)
    cand = cand[inside | cand.session.eq(cand.converting_session)]
    direct = cand.channel.eq("direct")
    has_other = (~direct).groupby(cand.order_id).transform("any")
    touches = cand[~(direct & has_other)]
    untouched = conv[~conv.order_id.isin(cand.order_id)].assign(channel="direct", started_at=conv.converted_at,
                                                                session=-1)
    touches = pd.concat([touches, untouched], ignore_index=True)
    touches = touches.sort_values(["order_id", "started_at", "session"])
    last = ~touches.order_id.duplicated(keep="last")
    credited = touches.assign(orders=last.astype("float64"), revenue=last * touches.gross_amount,
                              net=last * touches.net_amount, new=last * touches.new_customer)
    return credited.groupby(["conversion_date", "channel"], as_index=False).agg(
        warehouse_attributed_orders=("orders", "sum"), warehouse_attributed_revenue=("revenue", "sum"),
        warehouse_attributed_net_revenue=("net", "sum"), warehouse_attributed_new_customers=("new", "sum"),
    ).rename(columns={"conversion_date": "stat_date"}).assign(platform="site")


def channel_roi_last_click(exports: Path, sess: pd.DataFrame, conformed: pd.DataFrame, buys: pd.DataFrame,
                           seed: dict[str, pd.DataFrame]) -> pd.DataFrame:
    keys = ["stat_date", "platform", "channel"]
    spend = spend_daily(exports, seed)
    spend_days = spend.groupby(keys).agg(
        spend=("spend", "sum"), impressions=("impressions", lambda s: s.sum(min_count=1)),
        clicks=("clicks", lambda s: s.sum(min_count=1)),
        is_export_day=("cost_source", lambda s: s.ne("manual_costs").any()))
    revenue = platform_revenue(exports, spend, conformed, seed["channel_map"]).set_index(keys)
    sessions_days = sess.groupby(["session_date", "channel"]).size().rename("sessions").reset_index()
    sessions_days = sessions_days.rename(columns={"session_date": "stat_date"}).assign(platform="site")
    sessions_days = sessions_days.set_index(keys)
    attributed = last_click_daily(conversions(conformed, buys), sess).set_index(keys)
    out = pd.concat([spend_days, revenue, sessions_days, attributed], axis=1).reset_index()
    covered_days = sessions_days.index.get_level_values("stat_date")
    covered = out.platform.eq("site") & out.stat_date.between(covered_days.min(), covered_days.max())
    out["spend"] = out.spend.fillna(0)
    for c in ["sessions", "warehouse_attributed_orders", "warehouse_attributed_revenue",
              "warehouse_attributed_net_revenue", "warehouse_attributed_new_customers"]:
        out[c] = out[c].fillna(0).where(covered)
    export_days = pd.concat([
        pd.Series(spend_days.index[spend_days.is_export_day].get_level_values("stat_date")),
        pd.Series(revenue.index.get_level_values("stat_date")), pd.Series(covered_days),
        pd.Series(attributed.index.get_level_values("stat_date"))])
    out["is_within_export_range"] = out.stat_date.between(export_days.min(), export_days.max())
    out["attribution_model"] = "last_click"
    out["ad_ctr"] = safe_divide(out.clicks, out.impressions)
    out["cpc"] = safe_divide(out.spend, out.clicks)
    out["roas"] = safe_divide(out.warehouse_attributed_revenue, out.spend)
    out["platform_roas"] = safe_divide(out.platform_attributed_revenue, out.spend)
    out["cpa"] = safe_divide(out.spend, out.warehouse_attributed_orders)
    out["platform_cpa"] = safe_divide(out.spend, out.platform_attributed_orders)
    out["cac"] = safe_divide(out.spend, out.warehouse_attributed_new_customers)
    return out.drop(columns="is_export_day")


# ------------------------------------------------------------------------------------------- members


def month_number(days: pd.Series) -> pd.Series:
    """Months since year 0: month differences are plain subtractions."""
    return days.dt.year * 12 + days.dt.month - 1


def month_start(numbers: pd.Series | np.ndarray) -> pd.Series:
    n = pd.Series(numbers)
    return pd.to_datetime(pd.DataFrame({"year": n // 12, "month": n % 12 + 1, "day": 1})).astype("datetime64[us]")


def member_cohorts(conformed: pd.DataFrame) -> pd.DataFrame:
    """Per platform, cohort month and months since the first valid order: size, active members, orders,
    revenue, retention and cumulative revenue; NULL after the platform's last complete month."""
    bounds = conformed.groupby("platform").order_date.max().rename("reference").to_frame()
    bounds["reference_month"] = month_number(bounds.reference)
    bounds["last_complete"] = month_number(bounds.reference + pd.Timedelta(days=1)) - 1
    valid = conformed[conformed.is_valid & conformed.member_key.notna()].sort_values(["ordered_at", "order_id"])
    month = month_number(valid.order_date)
    cohort = month.groupby([valid.platform, valid.member_key]).transform("min")
    valid = valid.assign(cohort_month=cohort, months_since_first=month - cohort)
    first = valid.drop_duplicates(["platform", "member_key"])
    cohorts = first.groupby(["platform", "cohort_month"]).size().rename("cohort_size").reset_index()
    activity = valid.groupby(["platform", "cohort_month", "months_since_first"]).agg(
        active_members=("member_key", "nunique"), orders=("order_id", "size"), revenue=("gross_amount", "sum"),
        net_revenue=("net_amount", "sum"))
    spine = cohorts.join(bounds, on="platform")
    spine["months_since_first"] = [np.arange(r + 1 - c) for c, r in zip(spine.cohort_month, spine.reference_month)]
    spine = spine.explode("months_since_first", ignore_index=True).astype({"months_since_first": "int64"})
    spine["activity_month"] = spine.cohort_month + spine.months_since_first
    spine["is_complete_month"] = spine.activity_month <= spine.last_complete
    out = spine.merge(activity.reset_index(), how="left", on=["platform", "cohort_month", "months_since_first"])
    measures = ["active_members", "orders", "revenue", "net_revenue"]
    out[measures] = out[measures].fillna(0).where(out.is_complete_month, axis=0)
    out = out.sort_values(["platform", "cohort_month", "months_since_first"], ignore_index=True)
    by_cohort = out.groupby(["platform", "cohort_month"])
    out["cumulative_revenue"] = by_cohort.revenue.cumsum().where(out.is_complete_month)
    out["cumulative_net_revenue"] = by_cohort.net_revenue.cumsum().where(out.is_complete_month)
    out["retention_rate"] = safe_divide(out.active_members, out.cohort_size)
    out["cumulative_revenue_per_member"] = safe_divide(out.cumulative_revenue, out.cohort_size)
    out["cumulative_net_revenue_per_member"] = safe_divide(out.cumulative_net_revenue, out.cohort_size)
    out["cohort_month"] = month_start(out.cohort_month)
    out["activity_month"] = month_start(out.activity_month)
    return out.drop(columns=["reference", "reference_month", "last_complete"])


# ---------------------------------------------------------------------------------------------- main


def compute(exports: Path) -> dict[str, pd.DataFrame]:
    """The three marts from the raw exports."""
    seed = seeds()
    cm = seed["channel_map"]
    conformed = orders(exports, cm)
    ev = site_events(exports)
    sess = sessions(ev, cm)
    buys = first_purchases(ev)
    return {
        "fct_funnel_daily": funnel_daily(exports, ev, sess, conformed, buys, cm),
        "fct_channel_roi_daily": channel_roi_last_click(exports, sess, conformed, buys, seed),
        "fct_member_cohorts": member_cohorts(conformed),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("exports", type=Path, help="the exports folder (<platform>/<report>/*.csv)")
    p.add_argument("--out", type=Path, required=True, help="folder for one pickle per mart")
    args = p.parse_args(argv)
    started = time.perf_counter()
    marts = compute(args.exports)
    computed = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    for name, frame in marts.items():
        frame.to_pickle(args.out / f"{name}.pkl")
    print(json.dumps({"rows": {k: len(v) for k, v in marts.items()}, "compute_seconds": round(computed, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
