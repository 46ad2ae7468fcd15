"""The dashboard's pages, run by Streamlit's AppTest on the published warehouse (no browser).

Each page must run without an exception, and the figures it shows must equal SQL written here against
the marts (or the tables under them), independently of dashboard/figures.py. The last tests replace the
file under a running page, as a build's publish does, and see the page pick up the new file.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
import yaml
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "dashboard" / "app.py")
sys.path.insert(0, str(REPO / "dashboard"))

import figures  # noqa: E402  (dashboard/figures.py: the connection helper)
from labels import VALUES, value  # noqa: E402


def number(shown: str) -> float:
    """A figure as the page shows it ('¥1,234.50', '4.28%', '12,345') as a number (percent as shown)."""
    return float(shown.replace("¥", "").replace(",", "").rstrip("%"))


def shown_value(key: str) -> tuple[str, str]:
    """A dimension value's Chinese and English names (dashboard/labels.py)."""
    return VALUES[key]


def close_to(shown: str, expected: float, decimals: int = 2) -> bool:
    """The shown figure is `expected` rounded to `decimals` places (percent: expected in percent)."""
    return abs(number(shown) - expected) <= 0.5 * 10 ** -decimals + 1e-9


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_rows(chart: object) -> pd.DataFrame:
    """The rows a chart draws: its dataset as Streamlit sends it to the browser (Arrow)."""
    (dataset,) = chart.proto.datasets
    return pa.ipc.open_stream(dataset.data.data).read_pandas()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def scalar(wh: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> float:
    (value,) = wh.execute(sql, params or []).fetchone()
    return float(value)


def test_funnel_page_shows_the_weeks_sums_and_marks_each_channels_biggest_drop_off(
        wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("funnel")
    assert at.selectbox(key="funnel_platform").value == "tmall"
    assert at.selectbox(key="funnel_grain").value == "week"
    # the default week: the newest Monday-to-Sunday week whose seven days are all in the daily mart
    week = wh.execute("""
        select max(week) from (
            select date_trunc('week', stat_date) as week from marts.fct_funnel_daily where platform = 'tmall'
            group by week having count(distinct stat_date) = 7)
    """).fetchone()[0]
    assert at.selectbox(key="funnel_period_week_tmall").value == week

    # the week's figures from the daily store mart, summed over its seven days
    visitors, buyers, gmv = wh.execute("""
        select sum(visitors), sum(paying_buyers), sum(gmv) from marts.fct_funnel_store_daily
        where platform = 'tmall' and stat_date between ? and ? + interval 6 day
    """, [week, week]).fetchone()
    shown = metrics(at)
    assert number(shown["访客数 visitors"]) == visitors
    assert number(shown["支付买家数 paying buyers"]) == buyers
    assert close_to(shown["支付转化率 payment conversion"], 100 * buyers / visitors)
    assert close_to(shown["支付金额 GMV"], float(gmv))

    # each channel's steps from the daily channel mart; the marked step is the one losing the largest share
    daily = wh.execute("""
        select channel, sum(visitors) as visitors, sum(cart_adders) as cart, sum(ordering_buyers) as ordering,
               sum(paying_buyers) as paying
        from marts.fct_funnel_daily
        where platform = 'tmall' and stat_date between ? and ? + interval 6 day
        group by channel
    """, [week, week]).df().set_index("channel")
    compact = at.table[0].value
    assert list(compact.columns) == ["访客数 visitors", "加购人数 cart adders", "下单买家数 ordering buyers",
                                     "支付买家数 paying buyers", "最大流失 biggest drop-off"]
    for channel, row in daily.iterrows():
        shown_row = compact.loc[" ".join(shown_value(channel))]
        assert [number(v) for v in shown_row.iloc[:4]] == [row.visitors, row.cart, row.ordering, row.paying]
    table = at.table[1].value  # every step, in the expander
    assert set(table.index) == {f"{zh} {en}" for zh, en in (shown_value(c) for c in daily.index)}
    for channel, row in daily.iterrows():
        steps = [(row.visitors, row.cart), (row.cart, row.ordering), (row.ordering, row.paying)]
        shown_rows = table.loc[[" ".join(shown_value(channel))]]
        assert [(number(a), number(b)) for a, b in zip(shown_rows["上一环节 from"], shown_rows["下一环节 to"])] == \
            [(float(a), float(b)) for a, b in steps]
        losses = [1 - b / a for a, b in steps]
        marked = [i for i, mark in enumerate(shown_rows["最大流失 biggest drop-off"]) if mark]
        assert marked == [losses.index(max(losses))]
        biggest = ["访客数 visitors → 加购人数 cart adders", "加购人数 cart adders → 下单买家数 ordering buyers",
                   "下单买家数 ordering buyers → 支付买家数 paying buyers"][marked[0]]
        assert compact.loc[" ".join(shown_value(channel)), "最大流失 biggest drop-off"] == \
            f"{biggest}: {100 * max(losses):.2f}% lost"
    assert at.get("vega_lite_chart"), "the trend chart"


def test_funnel_page_follows_the_chosen_platform_and_month(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("funnel")
    at.selectbox(key="funnel_platform").set_value("site").run()
    at.selectbox(key="funnel_grain").set_value("month").run()
    box = at.selectbox(key="funnel_period_month_site")
    month = box.options[-1]  # the oldest month
    box.set_value(pd.Timestamp(month).date()).run()
    assert not at.exception
    start = box.value
    visitors, buyers = wh.execute("""
        select sum(visitors), sum(paying_buyers) from marts.fct_funnel_store_daily
        where platform = 'site' and date_trunc('month', stat_date) = ?
    """, [start]).fetchone()
    shown = metrics(at)
    assert number(shown["访客数 visitors"]) == visitors
    assert close_to(shown["支付转化率 payment conversion"], 100 * buyers / visitors)


def test_channel_roi_page_reads_one_attribution_model(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("channel_roi")
    box = at.selectbox(key="roi_model")
    default = wh.execute("select distinct attribution_model from marts.fct_channel_roi_daily "
                         "where is_default_attribution_model").fetchall()
    assert [(box.value,)] == default == [("last_click",)]
    assert len(box.options) == 5
    month = at.selectbox(key="roi_month").value
    where = "is_within_export_range and date_trunc('month', stat_date) = ? and attribution_model = ?"
    for model in ("last_click", "linear"):
        if model != box.value:
            box.set_value(model).run()
            assert not at.exception
        spend, platform_revenue, revenue, site_spend = wh.execute(f"""
            select sum(spend), sum(platform_attributed_revenue), sum(warehouse_attributed_revenue),
                   sum(spend) filter (where platform = 'site')
            from marts.fct_channel_roi_daily where {where}
        """, [month, model]).fetchone()
        shown = metrics(at)
        assert close_to(shown["花费 spend"], float(spend))
        assert close_to(shown["平台归因成交额 platform-claimed revenue"], float(platform_revenue))
        assert close_to(shown["数仓归因成交额 warehouse-attributed revenue"], revenue)
        assert close_to(shown["自营商城投入产出比 own-shop ROAS"], revenue / float(site_spend))
        # the table's rows add up to the month's spend of one model, not of five
        table = at.dataframe[0].value
        assert table["花费 spend"].astype(float).sum() == pytest.approx(float(spend))
        five = scalar(wh, "select sum(spend) from marts.fct_channel_roi_daily "
                          "where is_within_export_range and date_trunc('month', stat_date) = ?", [month])
        assert five == pytest.approx(5 * float(spend))
        by_channel = wh.execute(f"""
            select channel, sum(warehouse_attributed_revenue) / sum(spend) as roas
            from marts.fct_channel_roi_daily where {where} and platform = 'site'
            group by channel having sum(spend) > 0
        """, [month, model]).df()
        site = table[table["平台 platform"] == "自营商城 own shop"]
        shown_roas = dict(zip(site["渠道 channel"], site["投入产出比 ROAS"]))
        for channel, roas in zip(by_channel["channel"], by_channel["roas"]):
            assert shown_roas[" ".join(shown_value(channel))] == pytest.approx(roas)


def test_members_page_shows_the_marts_members_retention_and_recall_list(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("members")
    assert at.selectbox(key="members_platform").value == "tmall"
    members = scalar(wh, "select count(*) from marts.dim_members where platform = 'tmall'")
    recall = wh.execute("""
        select member_key, net_revenue from marts.dim_members
        where platform = 'tmall' and is_high_value and is_silent order by net_revenue desc, member_key
    """).fetchall()
    retention = scalar(wh, """
        select sum(active_members) / sum(cohort_size) from marts.fct_member_cohorts
        where platform = 'tmall' and months_since_first = 1 and is_complete_month
    """)
    shown = metrics(at)
    assert number(shown["会员数 members"]) == members
    assert number(shown["待召回会员 members to recall"]) == len(recall) > 0
    assert close_to(shown["次月留存率 month-1 retention"], 100 * retention)
    table = at.dataframe[0].value
    assert list(zip(table["会员 member"], table["净收入 net revenue"].astype(float))) == \
        [(key, float(net)) for key, net in recall]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3, "the cohort heatmap, the segment bars and the segments over time"
    history = chart_rows(charts[2])
    expected = wh.execute("""
        select as_of_date, rfm_segment, members from marts.fct_member_rfm_monthly
        where platform = 'tmall' and platform_members > 0 order by as_of_date, rfm_segment
    """).fetchall()
    assert len({as_of for as_of, _, _ in expected}) >= 12, "a bar per month end and the reference date"
    assert [(pd.Timestamp(d).date(), s, int(n)) for d, s, n in
            history[["as_of_date", "rfm_segment", "members"]].itertuples(index=False)] == \
        [(as_of, value(segment), n) for as_of, segment, n in expected]
    last = history[history["as_of_date"] == history["as_of_date"].max()]
    assert last["members"].sum() == members, "the last bar is dim_members' members"
    assert at.get("download_button")[0].label == "下载 CSV download"


def test_data_health_page_counts_files_rejected_rows_and_findings(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("data_health")
    files = scalar(wh, "select count(*) from raw._files")
    rejected = scalar(wh, "select count(*) from quarantine.quarantine_rows where reason_code <> 'superseded'")
    errors = scalar(wh, "select count(*) from marts.fct_data_health where severity = 'error'")
    shown = metrics(at)
    assert number(shown["已入库文件 files landed"]) == files
    assert number(shown["隔离行数 rows rejected"]) == rejected
    assert number(shown["错误 errors"]) == errors
    last = at.dataframe[0].value
    newest = wh.execute("""
        select platform, report, file_path from raw._files
        qualify file_seq = max(file_seq) over (partition by platform, report) order by platform, report
    """).fetchall()
    assert list(zip(last["平台 platform"], last["报表 report"], last["文件 file"])) == newest
    assert "Data Docs" in at.markdown[0].value


def test_data_health_page_lists_failing_validations(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("data_health")
    expected = wh.execute("""
        select file_path, check_name, unexpected_count from marts.fct_validation_results
        order by case outcome when 'blocked' then 1 when 'quarantined' then 2 when 'superseded' then 3 else 4 end,
            unexpected_count desc, file_path, check_name
    """).fetchall()
    headers = [s.value for s in at.subheader]
    assert "未通过的校验 Failing validations" in headers
    shown = [df.value for df in at.dataframe if "检查 check" in df.value.columns and "处理结果 outcome" in df.value.columns]
    if not expected:
        assert not shown and any("No failing validations" in s.value for s in at.success)
        return
    (table,) = shown
    assert list(zip(table["文件 file"], table["检查 check"], table["不合格行数 failing rows"])) == expected


def test_the_demo_fails_no_validation_but_its_empty_monthly_files(wh: duckdb.DuckDBPyConnection) -> None:
    """The demo's exports pass every check; its months without experiments are header-only files (warnings)."""
    failing = wh.execute("""
        select distinct outcome, check_name, unexpected_count, element_count from marts.fct_validation_results
    """).fetchall()
    assert failing in ([], [("warning", "at least one data row", 0, 0)])


@pytest.fixture
def small_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the published member marts in a file of its own, which the dashboard is pointed at."""
    path = tmp_path / "published" / "storeops.duckdb"
    path.parent.mkdir()
    con = duckdb.connect(str(path))
    con.execute(f"attach '{figures.warehouse_path()}' as published (read_only)")
    con.execute("create schema marts")
    for table in ("dim_members", "fct_member_cohorts", "fct_member_rfm_monthly"):
        con.execute(f"create table marts.{table} as select * from published.marts.{table}")
    con.close()
    monkeypatch.setenv("STOREOPS_WAREHOUSE", str(path))
    yield path


def publish_without_tmall(path: Path) -> None:
    """What a build's publish does: write a new file beside, then rename it over the published one."""
    new = path.with_suffix(".new")
    shutil.copy(path, new)
    con = duckdb.connect(str(new))
    con.execute("delete from marts.dim_members where platform = 'tmall' and member_key in "
                "(select member_key from marts.dim_members where platform = 'tmall' limit 100)")
    con.close()
    os.replace(new, path)


def test_a_publish_under_an_open_page_is_seen_at_the_next_interaction(small_warehouse: Path) -> None:
    at = open_page("members")
    before = number(metrics(at)["会员数 members"])
    # no lock is held between runs: a writer can take the file right away
    duckdb.connect(str(small_warehouse)).close()
    publish_without_tmall(small_warehouse)
    at.run()
    assert not at.exception
    assert number(metrics(at)["会员数 members"]) == before - 100


def test_the_connection_helper_reads_the_new_file_after_a_swap(small_warehouse: Path) -> None:
    con = figures.connect()
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("create table marts.x (i int)")
    finally:
        con.close()
    before = figures.member_summary("tmall")["members"]
    publish_without_tmall(small_warehouse)
    assert figures.member_summary("tmall")["members"] == before - 100


def test_the_exposures_declare_every_page_and_every_relation_the_dashboard_reads() -> None:
    """models/exposures.yml is the dashboard's lineage in dbt's docs: it must name what figures.py reads."""
    exposures = yaml.safe_load((REPO / "models" / "exposures.yml").read_text())["exposures"]
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1) for e in exposures for ref in e["depends_on"]}
    read = set(re.findall(r"\b(?:marts|raw|quarantine)\.(\w+)", (REPO / "dashboard" / "figures.py").read_text()))
    assert declared == read
    app = (REPO / "dashboard" / "app.py").read_text()
    pages = re.findall(r'st\.Page\("views/(\w+)\.py"', app)
    assert sorted(e["name"] for e in exposures) == sorted(f"dashboard_{page}" for page in pages)
    paths = dict(re.findall(r'st\.Page\("views/(\w+)\.py".*?url_path="(\w+)"', app))
    for e in exposures:
        page = e["name"].removeprefix("dashboard_")
        assert e["type"] == "dashboard" and e["owner"]["name"]
        assert e["url"] == f"http://localhost:8501/{paths.get(page, '')}"


def test_campaigns_page_shows_the_marts_uplift_per_period(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("campaigns")
    # the default: the newest campaign, on Tmall
    campaign_id, name = wh.execute("""
        select campaign_id, any_value(campaign_name) from marts.fct_campaign_performance where platform = 'tmall'
        group by campaign_id order by min(first_date) desc limit 1
    """).fetchone()
    uplift = dict(wh.execute("select period, uplift_gmv from marts.fct_campaign_performance "
                             "where campaign_id = ? and platform = 'tmall'", [campaign_id]).fetchall())
    roi = scalar(wh, "select incremental_roi from marts.fct_campaign_performance "
                     "where campaign_id = ? and platform = 'tmall' and period = 'whole_campaign'", [campaign_id])
    shown = metrics(at)
    assert close_to(shown["整个活动 whole campaign 增量支付金额 GMV uplift"], float(uplift["whole_campaign"]))
    assert close_to(shown["净效果 net effect 增量支付金额 GMV uplift"], float(uplift["net_effect"]))
    assert close_to(shown["增量投产比 incremental ROI"], roi)
    table = at.dataframe[0].value
    assert len(table) == len(uplift)
    assert at.get("vega_lite_chart")


def test_experiments_page_shows_each_variant(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("experiments")
    experiment = at.selectbox(key="experiment").value
    units, uplift, verdict = wh.execute("""
        select sum(units), any_value(conversion_relative_uplift) filter (where not is_control),
               any_value(verdict) filter (where not is_control)
        from marts.fct_experiment_results where experiment_id = ?
    """, [experiment]).fetchone()
    shown = metrics(at)
    assert number(shown["样本数 units"]) == units
    assert close_to(shown["转化率相对提升 conversion uplift %"], 100 * uplift)
    assert shown["结论 verdict"] == verdict
    table = at.dataframe[0].value
    assert list(table["对照组 control"]) == sorted(table["对照组 control"], reverse=True)  # control first


def test_fulfilment_page_divides_the_months_summed_counts(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("fulfilment")
    # the default month: the newest with fewer than 1 % of its orders still awaiting shipment
    month = wh.execute("""
        select max(month) from (
            select date_trunc('month', stat_date) as month from marts.fct_fulfilment_daily group by month
            having sum(awaiting_shipment) < 0.01 * sum(orders_due))
    """).fetchone()[0]
    assert pd.Timestamp(at.selectbox(key="fulfilment_month").value) == pd.Timestamp(month)
    due, late, on_time, shipped_late, overdue = wh.execute("""
        select sum(orders_due), sum(late_orders), sum(shipped_on_time), sum(shipped_late), sum(unshipped_overdue)
        from marts.fct_fulfilment_daily where date_trunc('month', stat_date) = ?
    """, [month]).fetchone()
    shown = metrics(at)
    assert number(shown["应发货订单 orders due"]) == due
    assert number(shown["延迟订单 late orders"]) == late
    assert close_to(shown["延迟发货率 late-shipment rate"], 100 * late / (on_time + shipped_late + overdue))
    assert at.dataframe[0].value["应发货订单 orders due"].sum() == due


def test_stock_page_lists_the_skus_to_reorder(wh: duckdb.DuckDBPyConnection) -> None:
    at = open_page("stock")
    skus = wh.execute("select platform, sku_id from marts.dim_sku_replenishment where reorder_now "
                      "order by platform, sku_id").fetchall()
    lost = scalar(wh, "select sum(est_lost_gmv) from marts.fct_stockouts")
    shown = metrics(at)
    assert number(shown["需补货 reorder now"]) == len(skus) > 0
    assert close_to(shown["缺货损失金额 estimated lost GMV"], lost)
    table = at.dataframe[0].value
    assert sorted(table["商品编码 SKU"]) == sorted(sku for _, sku in skus)
