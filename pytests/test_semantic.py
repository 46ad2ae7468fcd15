"""The semantic layer against the marts: every metric, through MetricFlow, equals SQL written here on the mart.

MetricFlow compiles each metric in process (storeops.semantic, the manifest of `dbt parse`); the figures are
compared month by month and per platform and channel (or the mart's own slice), and over all of them together,
with the ratio of sums recomputed here from the mart's counts. One test runs the `mf` command itself on a copy
of the warehouse. Reads the warehouse `make test` publishes (STOREOPS_WAREHOUSE to check another).
"""

from __future__ import annotations

import csv
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from storeops import semantic
from storeops.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
MF = str(Path(sys.executable).with_name("mf"))
DEFAULT_MODEL = "last_click"  # dbt_project.yml var attribution_model

Value = float | None
DAY = "2024-06-18"  # a day of the 618 festival, for the marts' own row-level rates
ON_DAY = f"{{{{ TimeDimension('metric_time', 'day') }}}} = '{DAY}'"


@dataclass(frozen=True)
class Slice:
    """A group-by in the semantic layer and the same grouping in SQL on the mart."""

    group_by: tuple[str, ...]
    sql_keys: tuple[str, ...]


def key_part(value: object) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def number(value: object) -> Value:
    if value is None or value == "" or pd.isna(value):
        return None
    return float(value) if isinstance(value, (int, float, Decimal)) else float(str(value))


@lru_cache(maxsize=None)
def semantic_frame(warehouse: Path, metrics: tuple[str, ...], group_by: tuple[str, ...],
                   where: tuple[str, ...]) -> pd.DataFrame:
    """One semantic-layer query for a mart's metrics together (the tests of one slice share it)."""
    return semantic.query(warehouse, metrics, group_by, where=where or None)


def semantic_rows(metric: str, group_by: Sequence[str], warehouse: Path, where: Sequence[str] | None = None,
                  family: Sequence[str] = ()) -> dict[tuple[str, ...], Value]:
    frame = semantic_frame(warehouse, tuple(family or [metric]), tuple(group_by), tuple(where or ()))
    return {
        tuple(key_part(row[g]) for g in group_by): number(row[metric])
        for row in frame.to_dict("records")
    }


def sql_rows(con: duckdb.DuckDBPyConnection, sql: str) -> dict[tuple[str, ...], Value]:
    return {tuple(key_part(v) for v in row[:-1]): number(row[-1]) for row in con.execute(sql).fetchall()}


def assert_same(got: dict[tuple[str, ...], Value], expected: dict[tuple[str, ...], Value], what: str) -> None:
    assert any(v not in (None, 0) for v in expected.values()), f"{what}: the mart has no figure to compare"
    for key in sorted(set(got) | set(expected)):
        g, e = got.get(key), expected.get(key)
        same = (g is None and e is None) or (
            g is not None and e is not None and math.isclose(g, e, rel_tol=1e-9, abs_tol=1e-6)
        )
        assert same, f"{what} at {key}: semantic layer {g}, mart {e}"


def sum_sql(column: str) -> str:
    return f"sum({column})"


def ratio_sql(numerator: str, denominator: str) -> str:
    """A ratio of sums over the rows that carry both parts (where the mart's own row-level ratio is defined)."""
    both = f"{numerator} is not null and {denominator} is not null"
    return f"sum({numerator}) filter (where {both}) / nullif(sum({denominator}) filter (where {both}), 0)"


def check(con: duckdb.DuckDBPyConnection, warehouse: Path, metric: str, slices: Sequence[Slice],
          mart: str, value_sql: str, where: str = "true", semantic_where: Sequence[str] | None = None,
          family: Sequence[str] = ()) -> None:
    """The metric by each slice, against SQL on the mart; `family`: the metrics queried with it in one query."""
    for s in slices:
        keys = ", ".join(s.sql_keys)
        expected = sql_rows(con, f"select {keys}, {value_sql} from {mart} where {where} group by {keys}")
        got = semantic_rows(metric, s.group_by, warehouse, semantic_where, family)
        assert_same(got, expected, f"{metric} by {s.group_by}")


@pytest.fixture(scope="module")
def warehouse() -> Path:
    path = load_settings().warehouse
    if not path.exists():
        pytest.fail(f"no published warehouse at {path}: `make test` builds it before pytest")
    semantic.engine()  # parse the semantic manifest once for the module
    return path


# ---------------------------------------------------------------- funnel (fct_funnel_daily)

FUNNEL = "marts.fct_funnel_daily"
FUNNEL_SLICES = (
    Slice(("metric_time__month", "funnel__platform", "funnel__channel"),
          ("date_trunc('month', stat_date)", "platform", "channel")),
    Slice(("metric_time__month",), ("date_trunc('month', stat_date)",)),
)
FUNNEL_SUMS = {
    "exposures": "exposures", "clicks": "clicks", "visitor_days": "visitors", "page_views": "page_views",
    "product_viewer_days": "product_viewers", "cart_adder_days": "cart_adders",
    "ordering_buyer_days": "ordering_buyers", "paying_buyer_days": "paying_buyers", "paid_orders": "paid_orders",
    "inquiries": "inquiries", "gmv": "gmv", "net_gmv": "net_gmv",
}
FUNNEL_RATES = {  # metric: (numerator, denominator, the mart's own row-level rate)
    "ctr": ("clicks", "exposures", "ctr"),
    "product_view_rate_over_days": ("product_viewers", "visitors", "product_view_rate"),
    "cart_rate_over_days": ("cart_adders", "visitors", "cart_rate"),
    "order_conversion_rate_over_days": ("ordering_buyers", "visitors", "order_conversion_rate"),
    "payment_conversion_rate_over_days": ("paying_buyers", "visitors", "payment_conversion_rate"),
    "inquiry_rate_over_days": ("inquiries", "visitors", "inquiry_rate"),
    "average_order_value_over_days": ("gmv", "paying_buyers", "average_order_value"),
}


@pytest.mark.parametrize("metric", sorted(FUNNEL_SUMS))
def test_funnel_counts(wh, warehouse, metric):
    check(wh, warehouse, metric, FUNNEL_SLICES, FUNNEL, sum_sql(FUNNEL_SUMS[metric]), family=sorted(FUNNEL_SUMS))


@pytest.mark.parametrize("metric", sorted(FUNNEL_RATES))
def test_funnel_rates_are_ratios_of_sums(wh, warehouse, metric):
    numerator, denominator, _ = FUNNEL_RATES[metric]
    check(wh, warehouse, metric, FUNNEL_SLICES, FUNNEL, ratio_sql(numerator, denominator), family=sorted(FUNNEL_RATES))


@pytest.mark.parametrize("metric", sorted(FUNNEL_RATES))
def test_funnel_rates_on_one_day_and_channel_are_the_marts_own(wh, warehouse, metric):
    day_slice = Slice(("metric_time__day", "funnel__platform", "funnel__channel"), ("stat_date", "platform", "channel"))
    column = FUNNEL_RATES[metric][2]
    check(wh, warehouse, metric, [day_slice], FUNNEL, f"any_value({column})", where=f"stat_date = date '{DAY}'",
          semantic_where=[ON_DAY], family=sorted(FUNNEL_RATES))


def test_conversion_over_a_month_is_not_the_mean_of_daily_rates(wh, warehouse):
    """June's own-shop conversion from the semantic layer is Σ buyers / Σ visitors, which the mean of the daily
    rates is not (the demo's 618 festival days carry more visitors and convert differently)."""
    where = "stat_date >= date '2024-06-01' and stat_date < date '2024-07-01' and platform = 'site'"
    ratio, mean = wh.execute(
        f"with d as (select stat_date, sum(paying_buyers) b, sum(visitors) v from {FUNNEL} where {where} group by 1)"
        " select sum(b) / sum(v), avg(b / v) from d"
    ).fetchone()
    got = semantic.query(warehouse, ["payment_conversion_rate_over_days"], ["metric_time__month"],
                         where=["{{ Dimension('funnel__platform') }} = 'site'",
                                "{{ TimeDimension('metric_time', 'month') }} = '2024-06-01'"])
    assert len(got) == 1
    value = float(got["payment_conversion_rate_over_days"].iloc[0])
    assert math.isclose(value, ratio, rel_tol=1e-9)
    assert not math.isclose(value, mean, rel_tol=1e-6)


# ---------------------------------------------------------------- channel ROI (fct_channel_roi_daily)

ROI = "marts.fct_channel_roi_daily"
ROI_SLICES = (
    Slice(("metric_time__month", "channel_roi__platform", "channel_roi__channel"),
          ("date_trunc('month', stat_date)", "platform", "channel")),
    Slice(("metric_time__month",), ("date_trunc('month', stat_date)",)),
)
ROI_SUMS = {
    "spend": "spend", "ad_impressions": "impressions", "ad_clicks": "clicks", "sessions": "sessions",
    "platform_attributed_orders": "platform_attributed_orders",
    "platform_attributed_revenue": "platform_attributed_revenue",
    "warehouse_attributed_orders": "warehouse_attributed_orders",
    "warehouse_attributed_revenue": "warehouse_attributed_revenue",
    "warehouse_attributed_net_revenue": "warehouse_attributed_net_revenue",
    "warehouse_attributed_new_customers": "warehouse_attributed_new_customers",
}
ROI_RATES = {  # metric: (numerator, denominator, the mart's own row-level ratio)
    "ad_ctr": ("clicks", "impressions", "ad_ctr"),
    "cpc": ("spend", "clicks", "cpc"),
    "roas": ("warehouse_attributed_revenue", "spend", "roas"),
    "platform_roas": ("platform_attributed_revenue", "spend", "platform_roas"),
    "cpa": ("spend", "warehouse_attributed_orders", "cpa"),
    "platform_cpa": ("spend", "platform_attributed_orders", "platform_cpa"),
    "cac": ("spend", "warehouse_attributed_new_customers", "cac"),
}
ONE_MODEL = f"attribution_model = '{DEFAULT_MODEL}'"


@pytest.mark.parametrize("metric", sorted(ROI_SUMS))
def test_channel_roi_sums_read_the_default_attribution_model(wh, warehouse, metric):
    check(wh, warehouse, metric, ROI_SLICES, ROI, sum_sql(ROI_SUMS[metric]), where=ONE_MODEL, family=sorted(ROI_SUMS))


@pytest.mark.parametrize("metric", sorted(ROI_RATES))
def test_channel_roi_ratios_are_ratios_of_sums(wh, warehouse, metric):
    numerator, denominator, _ = ROI_RATES[metric]
    check(wh, warehouse, metric, ROI_SLICES, ROI, ratio_sql(numerator, denominator), where=ONE_MODEL,
          family=sorted(ROI_RATES))


@pytest.mark.parametrize("metric", sorted(ROI_RATES))
def test_channel_roi_ratios_on_one_day_and_channel_are_the_marts_own(wh, warehouse, metric):
    day_slice = Slice(("metric_time__day", "channel_roi__platform", "channel_roi__channel"),
                      ("stat_date", "platform", "channel"))
    column = ROI_RATES[metric][2]
    check(wh, warehouse, metric, [day_slice], ROI, f"any_value({column})",
          where=f"{ONE_MODEL} and stat_date = date '{DAY}'", semantic_where=[ON_DAY], family=sorted(ROI_RATES))


def test_no_metric_adds_up_the_five_attribution_models(wh, warehouse):
    """Spend grouped by attribution model shows the default model alone, and its total is one model's copy."""
    by_model = semantic.query(warehouse, ["spend", "warehouse_attributed_revenue"], ["channel_roi__attribution_model"])
    assert list(by_model["channel_roi__attribution_model"]) == [DEFAULT_MODEL]
    one_copy, all_rows, models = wh.execute(
        f"select sum(spend) filter (where {ONE_MODEL}), sum(spend), count(distinct attribution_model) from {ROI}"
    ).fetchone()
    assert models == 5 and float(all_rows) == pytest.approx(5 * float(one_copy))
    total = semantic.query(warehouse, ["spend"], [])
    assert float(total["spend"].iloc[0]) == pytest.approx(float(one_copy), rel=1e-12)


# ---------------------------------------------------------------- members

MEMBERS = "marts.dim_members"
MEMBER_SLICES = (
    Slice(("metric_time__month", "member__platform", "member__rfm_segment"),
          ("date_trunc('month', first_order_date)", "platform", "rfm_segment")),
    Slice(("member__rfm_segment",), ("rfm_segment",)),
)
MEMBER_METRICS = {
    "members": "count(*)",
    "high_value_members": "count(*) filter (where is_high_value)",
    "silent_members": "count(*) filter (where is_silent)",
    "member_revenue": "sum(revenue)",
}


@pytest.mark.parametrize("metric", sorted(MEMBER_METRICS))
def test_member_counts_and_rfm_segments(wh, warehouse, metric):
    check(wh, warehouse, metric, MEMBER_SLICES, MEMBERS, MEMBER_METRICS[metric], family=sorted(MEMBER_METRICS))


COHORTS = "marts.fct_member_cohorts"
COHORT_SLICES = (
    Slice(("metric_time__month", "member_cohort__platform", "member_cohort__months_since_first"),
          ("cohort_month", "platform", "months_since_first")),
    # over every cohort: the retention curve
    Slice(("member_cohort__platform", "member_cohort__months_since_first"), ("platform", "months_since_first")),
)
COHORT_METRICS = {
    "cohort_active_members": "sum(active_members)",
    "cohort_members_observed": "sum(cohort_size) filter (where active_members is not null)",
    "new_members": "sum(cohort_size) filter (where months_since_first = 0)",
    "cohort_revenue": "sum(revenue)",
    "retention_rate": ratio_sql("active_members", "cohort_size"),
}


@pytest.mark.parametrize("metric", sorted(COHORT_METRICS))
def test_cohort_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, COHORT_SLICES, COHORTS, COHORT_METRICS[metric], family=sorted(COHORT_METRICS))


def test_new_members_per_month_are_dim_members_first_orders(wh, warehouse):
    expected = sql_rows(
        wh, f"select date_trunc('month', first_order_date), platform, count(*) from {MEMBERS} group by all"
    )
    got = semantic_rows("new_members", ("metric_time__month", "member_cohort__platform"), warehouse)
    assert_same(got, expected, "new_members against dim_members")


RFM_MONTHLY = "marts.fct_member_rfm_monthly"
ON_TMALL = ["{{ Dimension('member_rfm__platform') }} = 'tmall'"]


def test_rfm_segment_members_read_the_periods_last_as_of_date(wh, warehouse):
    """A state: over a quarter, the segment sizes of the quarter's last as-of date (never a sum over dates); on
    the reference date, dim_members' segment sizes."""
    expected = sql_rows(wh, f"""
        select date_trunc('quarter', as_of_date), rfm_segment, sum(members) from {RFM_MONTHLY}
        where platform = 'tmall' and as_of_date in (
            select max(as_of_date) from {RFM_MONTHLY}
            where platform = 'tmall' group by date_trunc('quarter', as_of_date)
        )
        group by all
    """)
    got = semantic_rows("rfm_segment_members", ("metric_time__quarter", "member_rfm__rfm_segment"), warehouse, ON_TMALL)
    assert_same(got, expected, "rfm_segment_members by quarter on tmall")
    current = sql_rows(
        wh, f"select reference_date, rfm_segment, count(*) from {MEMBERS} where platform = 'tmall' group by all"
    )
    latest = semantic_rows("rfm_segment_members", ("metric_time__day", "member_rfm__rfm_segment"), warehouse,
                           [*ON_TMALL, "{{ Dimension('member_rfm__is_reference_date') }}"])
    assert_same({key: n for key, n in latest.items() if n}, current, "rfm_segment_members against dim_members")


REPURCHASE = "marts.fct_member_repurchase_monthly"
REPURCHASE_SLICES = (
    Slice(("metric_time__month", "member_month__platform"), ("order_month", "platform")),
    Slice(("metric_time__quarter", "member_month__platform"), ("date_trunc('quarter', order_month)", "platform")),
)
REPURCHASE_METRICS = {
    "monthly_buyers": "sum(buyers)",
    "repeat_buyers": "sum(repeat_buyers)",
    "returning_customers": "sum(returning_customers)",
    "new_buyers": "sum(new_buyers)",
    "repurchase_rate": ratio_sql("repeat_buyers", "buyers"),
    "returning_customer_rate": ratio_sql("returning_customers", "buyers"),
    **{f"new_buyers_{kind}_{n}d": f"sum(new_buyers_{kind}_{n}d)"
       for kind in ("observed", "reordered") for n in (30, 60, 90)},
    **{f"reorder_rate_{n}d": ratio_sql(f"new_buyers_reordered_{n}d", f"new_buyers_observed_{n}d")
       for n in (30, 60, 90)},
}


@pytest.mark.parametrize("metric", sorted(REPURCHASE_METRICS))
def test_repurchase_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, REPURCHASE_SLICES, REPURCHASE, REPURCHASE_METRICS[metric],
          family=sorted(REPURCHASE_METRICS))


# ---------------------------------------------------------------- fulfilment, stock, campaigns

FULFILMENT = "marts.fct_fulfilment_daily"
FULFILMENT_SLICES = (
    Slice(("metric_time__month", "fulfilment__platform", "fulfilment__carrier"),
          ("date_trunc('month', stat_date)", "platform", "carrier")),
    Slice(("metric_time__month",), ("date_trunc('month', stat_date)",)),
)
DECIDED = "shipped_on_time + shipped_late + unshipped_overdue"
FULFILMENT_METRICS = {
    "orders_due_to_ship": "sum(orders_due)",
    "shipped_on_time": "sum(shipped_on_time)",
    "shipped_late": "sum(shipped_late)",
    "unshipped_overdue": "sum(unshipped_overdue)",
    "awaiting_shipment": "sum(awaiting_shipment)",
    "late_orders": "sum(late_orders)",
    "shipment_decided_orders": f"sum({DECIDED})",
    # DECISIONLOG U3, from the state counts rather than the mart's late_orders column
    "late_shipment_rate": f"sum(shipped_late + unshipped_overdue) / nullif(sum({DECIDED}), 0)",
}


@pytest.mark.parametrize("metric", sorted(FULFILMENT_METRICS))
def test_fulfilment_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, FULFILMENT_SLICES, FULFILMENT, FULFILMENT_METRICS[metric],
          family=sorted(FULFILMENT_METRICS))


INVENTORY = "marts.fct_inventory_daily"
INVENTORY_SLICES = (
    Slice(("metric_time__month", "inventory__platform"), ("date_trunc('month', calendar_date)", "platform")),
    Slice(("metric_time__month",), ("date_trunc('month', calendar_date)",)),
)
LAST_DAY_OF_MONTH = (f"calendar_date in (select max(calendar_date) from {INVENTORY} "
                     "group by date_trunc('month', calendar_date))")
INVENTORY_STATES = {"stock_on_hand": "on_hand", "stock_sellable": "sellable", "stock_in_transit": "in_transit"}
INVENTORY_FLOWS = {
    "sku_days": "count(*)",
    "stockout_sku_days": "count(*) filter (where sellable <= 0)",
    "stockout_rate": "count(*) filter (where sellable <= 0) / count(*)",
}


@pytest.mark.parametrize("metric", sorted(INVENTORY_STATES))
def test_stock_states_read_the_last_day_of_the_period(wh, warehouse, metric):
    check(wh, warehouse, metric, INVENTORY_SLICES, INVENTORY, f"sum({INVENTORY_STATES[metric]})",
          where=LAST_DAY_OF_MONTH, family=sorted(INVENTORY_STATES))


@pytest.mark.parametrize("metric", sorted(INVENTORY_FLOWS))
def test_stock_out_days_and_rate(wh, warehouse, metric):
    check(wh, warehouse, metric, INVENTORY_SLICES, INVENTORY, INVENTORY_FLOWS[metric], family=sorted(INVENTORY_FLOWS))


STOCKOUTS = "marts.fct_stockouts"
STOCKOUT_SLICES = (
    Slice(("metric_time__month", "stockout__platform"), ("date_trunc('month', start_date)", "platform")),
    Slice(("stockout__sku_id",), ("sku_id",)),
)
STOCKOUT_METRICS = {
    "stockout_episodes": "count(*)",
    "stockout_days_out": "sum(days_out)",
    "estimated_lost_units": "sum(est_lost_units)",
    "estimated_lost_gmv": "sum(est_lost_gmv)",
}


@pytest.mark.parametrize("metric", sorted(STOCKOUT_METRICS))
def test_stockout_episodes(wh, warehouse, metric):
    check(wh, warehouse, metric, STOCKOUT_SLICES, STOCKOUTS, STOCKOUT_METRICS[metric], family=sorted(STOCKOUT_METRICS))


CAMPAIGNS = "marts.fct_campaign_daily"
CAMPAIGN_SLICES = (
    Slice(("campaign__campaign_id", "campaign__platform", "campaign__phase"), ("campaign_id", "platform", "phase")),
    Slice(("campaign__campaign_id",), ("campaign_id",)),
)
CAMPAIGN_METRICS = {
    "campaign_gmv": "sum(gmv)",
    "campaign_baseline_gmv": "sum(baseline_gmv)",
    "campaign_uplift_gmv": "sum(uplift_gmv)",
    "campaign_gmv_uplift_rate": ratio_sql("uplift_gmv", "baseline_gmv"),
    "campaign_orders": "sum(orders)",
    "campaign_new_customers": "sum(new_customers)",
    "campaign_refund_amount": "sum(refund_amount)",
}


@pytest.mark.parametrize("metric", sorted(CAMPAIGN_METRICS))
def test_campaign_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, CAMPAIGN_SLICES, CAMPAIGNS, CAMPAIGN_METRICS[metric], family=sorted(CAMPAIGN_METRICS))


AFTER_SALES = "marts.fct_after_sales_monthly"
# one row per month, platform and product: paid orders and GMV repeat on the six reason rows of the mart
AFTER_SALES_CELLS = f"""(
    select month_start, platform, product, any_value(paid_orders) as paid_orders, any_value(gmv) as gmv,
        sum(refunds) as refunds, sum(refunded_orders) as refunded_orders, sum(refunded_amount) as refunded_amount,
        sum(refunds_with_return) as refunds_with_return, sum(tickets) as tickets
    from {AFTER_SALES} group by all
) as cells"""
AFTER_SALES_SLICES = (
    Slice(("metric_time__month", "product_month__platform"), ("month_start", "platform")),
    Slice(("metric_time__quarter",), ("date_trunc('quarter', month_start)",)),
)
AFTER_SALES_METRICS = {
    "after_sales_paid_orders": "sum(paid_orders)",
    "after_sales_gmv": "sum(gmv)",
    "refunds": "sum(refunds)",
    "refunded_orders": "sum(refunded_orders)",
    "refunded_amount": "sum(refunded_amount)",
    "refunds_with_return": "sum(refunds_with_return)",
    "service_tickets": "sum(tickets)",
    "refund_rate": "sum(refunded_orders) / nullif(sum(paid_orders), 0)",
    "refunded_amount_share_of_gmv": "sum(refunded_amount) / nullif(sum(gmv), 0)",
    "tickets_per_1000_orders": "1000 * sum(tickets) / nullif(sum(paid_orders), 0)",
}
BY_REASON = ("refunds", "refunded_orders", "refunded_amount", "refunds_with_return", "service_tickets")


@pytest.mark.parametrize("metric", sorted(AFTER_SALES_METRICS))
def test_after_sales_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, AFTER_SALES_SLICES, AFTER_SALES_CELLS, AFTER_SALES_METRICS[metric],
          family=sorted(AFTER_SALES_METRICS))


@pytest.mark.parametrize("metric", BY_REASON)
def test_after_sales_counts_by_reason(wh, warehouse, metric):
    by_reason = Slice(("metric_time__month", "product_month__platform", "after_sales_reason__reason_category"),
                      ("month_start", "platform", "reason_category"))
    check(wh, warehouse, metric, [by_reason], AFTER_SALES, AFTER_SALES_METRICS[metric], family=BY_REASON)


def test_after_sales_rates_refuse_a_reason_breakdown(warehouse):
    """A rate's denominator is the product-month's paid orders: grouping it by reason is refused, not made up."""
    with pytest.raises(Exception, match="group-by-items"):
        semantic.query(warehouse, ["refund_rate"], ["after_sales_reason__reason_category"])


ORDERS = "marts.fct_orders"
ORDER_SLICES = (
    Slice(("metric_time__month", "order__platform", "order__channel"),
          ("date_trunc('month', order_date)", "platform", "coalesce(channel, '(none)')")),
    Slice(("metric_time__quarter", "order__platform"), ("date_trunc('quarter', order_date)", "platform")),
)
WITH_BUYER = "is_valid and member_key is not null"
ORDER_METRICS = {
    "orders": "count(*)",
    "valid_orders": "count(*) filter (where is_valid)",
    "valid_order_revenue": "sum(net_amount) filter (where is_valid)",
    "paid_order_gmv": "sum(gross_amount) filter (where is_paid)",
    "buyers": f"count(distinct (platform, member_key)) filter (where {WITH_BUYER})",
    "revenue_per_valid_order": "sum(net_amount) filter (where is_valid) / nullif(count(*) filter (where is_valid), 0)",
    "revenue_per_buyer": f"sum(net_amount) filter (where {WITH_BUYER}) "
                         f"/ nullif(count(distinct (platform, member_key)) filter (where {WITH_BUYER}), 0)",
}


@pytest.mark.parametrize("metric", sorted(ORDER_METRICS))
def test_order_metrics(wh, warehouse, metric):
    check(wh, warehouse, metric, ORDER_SLICES, ORDERS, ORDER_METRICS[metric], family=sorted(ORDER_METRICS))


def test_buyers_over_a_quarter_are_recounted_not_summed(warehouse):
    by_month = semantic.query(warehouse, ["buyers"], ["metric_time__month", "order__platform"],
                              where=["{{ Dimension('order__platform') }} = 'tmall'",
                                     "{{ TimeDimension('metric_time', 'quarter') }} = '2024-04-01'"])
    by_quarter = semantic.query(warehouse, ["buyers"], ["metric_time__quarter", "order__platform"],
                                where=["{{ Dimension('order__platform') }} = 'tmall'",
                                       "{{ TimeDimension('metric_time', 'quarter') }} = '2024-04-01'"])
    assert len(by_month) == 3 and len(by_quarter) == 1
    assert max(by_month["buyers"]) < by_quarter["buyers"].iloc[0] < sum(by_month["buyers"])


# ---------------------------------------------------------------- coverage and the mf command


TESTED = {
    *FUNNEL_SUMS, *FUNNEL_RATES, *ROI_SUMS, *ROI_RATES, *MEMBER_METRICS, *COHORT_METRICS, *REPURCHASE_METRICS,
    *FULFILMENT_METRICS, *INVENTORY_STATES, *INVENTORY_FLOWS, *CAMPAIGN_METRICS, *AFTER_SALES_METRICS,
    *ORDER_METRICS, *STOCKOUT_METRICS, "rfm_segment_members",
}


def test_every_metric_is_checked_here_and_labelled(warehouse):
    labels = semantic.metric_labels()
    defined = set(labels)
    assert defined == TESTED, f"untested: {sorted(defined - TESTED)}; not defined: {sorted(TESTED - defined)}"
    assert labels["payment_conversion_rate_over_days"] == "Payment conversion (支付转化率), over days"
    assert [name for name, label in labels.items() if label == name] == []


def test_query_reads_each_published_file_and_holds_none(warehouse, tmp_path):
    """A reader of the semantic layer opens the file for one query: after a publish (a rename over the file)
    the next query reads the new file, while a connection still open on the old one keeps the old rows."""

    def publish(months: int) -> None:
        draft = tmp_path / "draft.duckdb"
        con = duckdb.connect(str(draft))
        con.execute(f"attach '{warehouse}' as published (read_only)")
        con.execute("create schema marts")
        con.execute("create table marts.fct_funnel_daily as select * from published.marts.fct_funnel_daily "
                    f"where stat_date < date '2024-01-01' + interval {months} month")
        con.close()
        os.replace(draft, tmp_path / "storeops.duckdb")

    path = tmp_path / "storeops.duckdb"
    publish(1)
    held = duckdb.connect(str(path), read_only=True)
    assert len(semantic.query(path, ["gmv"], ["metric_time__month"])) == 1
    publish(2)
    assert len(semantic.query(path, ["gmv"], ["metric_time__month"])) == 2
    old_months = "select count(distinct date_trunc('month', stat_date)) from marts.fct_funnel_daily"
    assert held.execute(old_months).fetchone() == (1,)
    held.close()


def test_mf_query_on_a_copy_of_the_warehouse(wh, warehouse, tmp_path):
    """The `mf` command itself, on a copy named like the working file (its catalog), never on the published file."""
    _, catalog = semantic.engine()
    copy = tmp_path / f"{catalog}.duckdb"
    shutil.copyfile(warehouse, copy)
    out = tmp_path / "conversion.csv"
    env = {**os.environ, "STOREOPS_WORKFILE": str(copy), "STOREOPS_TEMP_DIR": str(tmp_path / "duckdb_tmp")}
    run = subprocess.run(
        [MF, "query", "--metrics", "payment_conversion_rate_over_days", "--group-by", "metric_time__month",
         "--csv", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    with out.open(encoding="utf-8") as f:
        got = {(r["metric_time__month"][:10],): number(r["payment_conversion_rate_over_days"])
               for r in csv.DictReader(f)}
    expected = sql_rows(wh, f"select date_trunc('month', stat_date), {ratio_sql('paying_buyers', 'visitors')} "
                            f"from {FUNNEL} group by 1")
    assert len(expected) >= 12
    assert_same(got, expected, "mf query payment_conversion_rate_over_days")
