"""The dashboard as a person sees it: `streamlit run` on the published warehouse, driven by headless Chromium.

Playwright drives Debian's chromium (/usr/bin/chromium; Playwright's own browser download is not used).
Each page is opened, its charts waited for, its shown figures read and compared with SQL on the
published file, and a screenshot saved under target/dashboard/. With STOREOPS_UPDATE_SCREENSHOTS=1 the
funnel and members screenshots are also copied to docs/img/ for the README. Without chromium the tests
skip, except under CI=true, where they fail: `.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from storeops.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "target" / "dashboard"
README_SHOTS = {"funnel": "dashboard_funnel.png", "members": "dashboard_members.png"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"no {CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (.ci/run installs it)")
        pytest.skip(message)
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard_url(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run dashboard/app.py` on a free port from the repository root, as `make dashboard` starts it."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1"],  # the other settings: .streamlit/config.toml
            cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"streamlit did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser_page(dashboard_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
        page.set_default_timeout(TIMEOUT_MS)
        yield page
        browser.close()


def open_page(page, url: str, charts: int) -> None:  # noqa: ANN001 (playwright Page)
    """Load a page and wait until its figures and `charts` charts are drawn."""
    page.goto(url)
    page.locator('[data-testid="stMetricValue"]').first.wait_for()
    for n in range(charts):
        page.locator('[data-testid="stVegaLiteChart"]').nth(n).locator("canvas, svg").first.wait_for()


def expect_metric(page, label: str, shown: str) -> None:  # noqa: ANN001
    """The metric labelled `label` shows `shown` (waiting while the page reruns)."""
    from playwright.sync_api import expect

    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text(shown, timeout=TIMEOUT_MS)


def screenshot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)  # let the data grids paint their canvas
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("STOREOPS_UPDATE_SCREENSHOTS") == "1" and name in README_SHOTS:
        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, REPO / "docs" / "img" / README_SHOTS[name])


def choose(page, label: str, option: str) -> None:  # noqa: ANN001
    """Pick `option` in the selectbox labelled `label`, as a person would."""
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_funnel_page(browser_page, dashboard_url: str, wh: duckdb.DuckDBPyConnection) -> None:  # noqa: ANN001
    week, visitors, buyers, gmv = wh.execute("""
        with weeks as (
            select date_trunc('week', stat_date) as week from marts.fct_funnel_daily where platform = 'tmall'
            group by week having count(distinct stat_date) = 7)
        select date_trunc('week', stat_date) as week, sum(visitors), sum(paying_buyers), sum(gmv)
        from marts.fct_funnel_store_daily
        where platform = 'tmall' and date_trunc('week', stat_date) = (select max(week) from weeks)
        group by date_trunc('week', stat_date)
    """).fetchone()
    open_page(browser_page, dashboard_url, charts=1)
    expect_metric(browser_page, "访客数 visitors", f"{visitors:,}")
    expect_metric(browser_page, "支付买家数 paying buyers", f"{buyers:,}")
    expect_metric(browser_page, "支付转化率 payment conversion", f"{buyers / visitors:.2%}")
    expect_metric(browser_page, "支付金额 GMV", f"¥{gmv:,.2f}")
    assert browser_page.get_by_role("combobox", name="周期开始 period start").input_value() == f"{week:%Y-%m-%d}"
    # one row per channel the week has, each naming its biggest drop-off
    channels = wh.execute("select count(distinct channel) from marts.fct_funnel_daily where platform = 'tmall' "
                          "and date_trunc('week', stat_date) = ?", [week]).fetchone()[0]
    rows = browser_page.locator('[data-testid="stTable"]').first.locator("tbody tr")
    assert rows.count() == channels
    assert all(text.endswith("% lost") for text in rows.locator("td:last-child").all_inner_texts())
    screenshot(browser_page, "funnel")


def test_channel_roi_page(browser_page, dashboard_url: str, wh: duckdb.DuckDBPyConnection) -> None:  # noqa: ANN001
    def month_figures(model: str) -> tuple[float, float]:
        return wh.execute("""
            select sum(spend), sum(warehouse_attributed_revenue) from marts.fct_channel_roi_daily
            where attribution_model = ? and is_within_export_range
              and date_trunc('month', stat_date) = (
                  select max(date_trunc('month', stat_date)) from marts.fct_channel_roi_daily
                  where is_within_export_range)
        """, [model]).fetchone()

    open_page(browser_page, f"{dashboard_url}/channel_roi", charts=1)
    spend, revenue = month_figures("last_click")
    expect_metric(browser_page, "花费 spend", f"¥{spend:,.2f}")
    expect_metric(browser_page, "数仓归因成交额 warehouse-attributed revenue", f"¥{revenue:,.2f}")
    screenshot(browser_page, "channel_roi")
    choose(browser_page, "归因模型 attribution model", "线性 linear")
    linear_spend, linear_revenue = month_figures("linear")
    assert linear_spend == spend  # spend does not depend on the model: never summed over models
    expect_metric(browser_page, "数仓归因成交额 warehouse-attributed revenue", f"¥{linear_revenue:,.2f}")
    expect_metric(browser_page, "花费 spend", f"¥{spend:,.2f}")


def test_members_page(browser_page, dashboard_url: str, wh: duckdb.DuckDBPyConnection) -> None:  # noqa: ANN001
    members, to_recall = wh.execute("""
        select count(*), count(*) filter (where is_high_value and is_silent)
        from marts.dim_members where platform = 'tmall'
    """).fetchone()
    open_page(browser_page, f"{dashboard_url}/members", charts=3)
    expect_metric(browser_page, "会员数 members", f"{members:,}")
    expect_metric(browser_page, "待召回会员 members to recall", f"{to_recall:,}")
    screenshot(browser_page, "members")
    with browser_page.expect_download() as download:
        browser_page.get_by_role("button", name="下载 CSV download").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    keys = [row[0] for row in wh.execute("""
        select member_key from marts.dim_members where platform = 'tmall' and is_high_value and is_silent
        order by net_revenue desc, member_key
    """).fetchall()]
    assert lines[0].startswith("platform,member_key,")
    assert [line.split(",")[1] for line in lines[1:]] == keys


def test_data_health_page(browser_page, dashboard_url: str, wh: duckdb.DuckDBPyConnection) -> None:  # noqa: ANN001
    files, errors = wh.execute("""
        select (select count(*) from raw._files),
               (select count(*) from marts.fct_data_health where severity = 'error')
    """).fetchone()
    open_page(browser_page, f"{dashboard_url}/data_health", charts=0)
    expect_metric(browser_page, "已入库文件 files landed", f"{files:,}")
    expect_metric(browser_page, "错误 errors", f"{errors:,}")
    link = browser_page.get_by_role("link", name=str(load_settings().data_docs_dir / "index.html"))
    assert link.get_attribute("href").startswith("file://")
    screenshot(browser_page, "data_health")


# the later marts' pages: one figure each against SQL (the AppTest checks the rest)
LATER_PAGES = {
    "campaigns": ("增量投产比 incremental ROI", """
        select incremental_roi from marts.fct_campaign_performance
        where platform = 'tmall' and period = 'whole_campaign'
        order by first_date desc limit 1""", "{:,.2f}"),
    "experiments": ("样本数 units", """
        select sum(units) from marts.fct_experiment_results
        where experiment_id = (select min(experiment_id) from marts.fct_experiment_results)""", "{:,.0f}"),
    "fulfilment": ("应发货订单 orders due", """
        select sum(orders_due) from marts.fct_fulfilment_daily
        where date_trunc('month', stat_date) = (
            select max(month) from (
                select date_trunc('month', stat_date) as month from marts.fct_fulfilment_daily group by month
                having sum(awaiting_shipment) < 0.01 * sum(orders_due)))""", "{:,.0f}"),
    "stock": ("缺货损失金额 estimated lost GMV", "select sum(est_lost_gmv) from marts.fct_stockouts", "¥{:,.2f}"),
}


@pytest.mark.parametrize("name", list(LATER_PAGES))
def test_later_pages(browser_page, dashboard_url: str, wh: duckdb.DuckDBPyConnection, name: str) -> None:  # noqa: ANN001
    label, sql, shown = LATER_PAGES[name]
    (expected,) = wh.execute(sql).fetchone()
    open_page(browser_page, f"{dashboard_url}/{name}", charts=1)
    expect_metric(browser_page, label, shown.format(expected))
    screenshot(browser_page, name)
