"""Member marts against an independent computation, on a generic order export built here.

A seeded random shop (customers, repeat orders, same-day orders, cancellations, partial and full
refunds, unpaid orders, channel labels) plus hand-placed edge cases (a first order on 31 December
with a reorder on 1 January, a first order on 31 January with reorders on 29 February and 1 March,
a buyer whose only order was fully refunded) is written as a generic order export, built through
`storeops build` (the member models and their upstream only: the whole project's build is what the
real-data test runs) and published; the published marts are then compared with pandas computing
the documented definitions from the same rows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import run_build, write_export

HEADER = ["order_id", "customer_id", "ordered_at", "amount", "status", "paid_at", "refund_amount", "channel"]
MEMBER_MODELS = ["+dim_members", "+fct_member_cohorts", "+fct_member_repurchase_monthly", "+fct_member_repurchase_by_group"]
REFERENCE_DATE = date(2025, 1, 20)  # the last order day: January 2025 is incomplete, December 2024 complete


def synthetic_orders(seed: int = 11) -> pd.DataFrame:
    """Orders of a small shop from November 2023 to 20 January 2025, as the export would carry them."""
    rng = np.random.default_rng(seed)
    start = datetime(2023, 11, 1)
    span = (datetime(2025, 1, 20) - start).days
    rows: list[dict[str, object]] = []
    for c in range(300):
        t = start + timedelta(days=int(rng.integers(0, span)), seconds=int(rng.integers(0, 86_400)))
        for _ in range(int(rng.geometric(0.45))):
            if t.date() > REFERENCE_DATE:
                break
            amount = Decimal(int(rng.integers(500, 60_000))) / 100
            status = str(rng.choice(["paid", "paid", "paid", "paid", "completed", "cancelled", "refunded", "pending"]))
            refund: Decimal | None = None
            if status == "refunded":
                refund = amount if rng.random() < 0.5 else (amount * Decimal("0.3")).quantize(Decimal("0.01"))
            rows.append({
                "customer_id": f"cust{c:04d}",
                "ordered_at": t,
                "amount": amount,
                "status": status,
                "paid": status not in ("cancelled", "pending"),
                "refund_amount": refund,
                "channel": rng.choice(["search", "ads", "community", "tiktok", None]),
            })
            gap = 0 if rng.random() < 0.1 else int(rng.integers(1, 120))  # some same-day reorders
            t = t + timedelta(days=gap, seconds=int(rng.integers(60, 3_600)))
    edge = [
        ("edge_newyear", datetime(2023, 12, 31, 23, 59, 59), "40.00", "paid", None),
        ("edge_newyear", datetime(2024, 1, 1, 0, 0, 1), "41.00", "paid", None),
        ("edge_31st", datetime(2024, 1, 31, 12, 0, 0), "50.00", "paid", None),
        ("edge_31st", datetime(2024, 2, 29, 12, 0, 0), "51.00", "paid", None),
        ("edge_31st", datetime(2024, 3, 1, 12, 0, 0), "52.00", "refunded", "10.00"),
        ("edge_refunded_only", datetime(2024, 5, 5, 10, 0, 0), "99.00", "refunded", "99.00"),
        ("edge_refunded_no_amount", datetime(2024, 7, 7, 10, 0, 0), "30.00", "refunded", None),
        ("edge_last_day", datetime(2025, 1, 20, 22, 0, 0), "60.00", "cancelled", None),
    ]
    for customer, t, amount, status, refund in edge:
        rows.append({
            "customer_id": customer, "ordered_at": t, "amount": Decimal(amount), "status": status,
            "paid": status != "cancelled", "refund_amount": None if refund is None else Decimal(refund),
            "channel": "community",
        })
    orders = pd.DataFrame(rows).sort_values(["ordered_at", "customer_id"]).reset_index(drop=True)
    orders["order_id"] = [f"S{i:06d}" for i in range(len(orders))]
    return orders


def write_orders(orders: pd.DataFrame, exports: Path) -> None:
    def text(v: object) -> str:
        return "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)

    for month, part in orders.groupby(orders["ordered_at"].dt.strftime("%Y-%m")):
        rows = [
            [
                r.order_id, r.customer_id, r.ordered_at.strftime("%Y-%m-%d %H:%M:%S"), f"{r.amount:.2f}", r.status,
                (r.ordered_at + timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S") if r.paid else "",
                "" if r.refund_amount is None else f"{r.refund_amount:.2f}", text(r.channel),
            ]
            for r in part.itertuples()
        ]
        write_export(exports, "generic", "orders", f"shop_{month}.csv", HEADER, rows)


def expected_valid(orders: pd.DataFrame) -> pd.DataFrame:
    """The documented valid order, computed here: paid, not cancelled, not fully refunded."""
    refund = orders["refund_amount"].map(lambda v: v if v is not None else None)
    fully_refunded = [
        (s == "refunded" and r is None) or (r is not None and r > 0 and r >= a)
        for s, r, a in zip(orders["status"], refund, orders["amount"], strict=True)
    ]
    valid = orders[orders["paid"] & (orders["status"] != "cancelled") & ~pd.Series(fully_refunded)].copy()
    valid["net"] = [a - (r or Decimal(0)) for a, r in zip(valid["amount"], valid["refund_amount"], strict=True)]
    valid["order_date"] = valid["ordered_at"].dt.date
    valid["month"] = valid["ordered_at"].dt.to_period("M")
    first = valid.groupby("customer_id")["month"].transform("min")
    valid["cohort"] = first
    valid["k"] = [(m - c).n for m, c in zip(valid["month"], valid["cohort"], strict=True)]
    return valid


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[duckdb.DuckDBPyConnection, pd.DataFrame, pd.DataFrame]:
    tmp_path = tmp_path_factory.mktemp("members")
    exports = tmp_path / "exports"
    orders = synthetic_orders()
    write_orders(orders, exports)
    result = run_build(tmp_path, exports, dbt_args=["-s", *MEMBER_MODELS, "--exclude-resource-type", "test", "unit_test"])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-4000:]
    con = duckdb.connect(str(tmp_path / "published" / "storeops.duckdb"), read_only=True)
    yield con, expected_valid(orders), orders
    con.close()


def test_members_orders_and_revenue_equal_an_independent_computation(built) -> None:
    con, valid, orders = built
    members, order_count, revenue, net_revenue, repeaters = con.execute(
        """
        select count(*), sum(orders), sum(revenue), sum(net_revenue), count(case when is_repeat_buyer then 1 end)
        from marts.dim_members where platform = 'generic'
        """
    ).fetchone()
    per_customer = valid.groupby("customer_id").size()
    assert members == valid["customer_id"].nunique()
    assert order_count == len(valid)
    assert revenue == sum(valid["amount"])
    assert net_revenue == sum(valid["net"])
    assert repeaters == int((per_customer >= 2).sum())
    # buyers without a valid order (only cancelled, unpaid or fully refunded ones) are no members
    (customers,) = con.execute("select count(distinct customer_id) from staging.stg_generic__orders").fetchone()
    assert customers - members == orders["customer_id"].nunique() - valid["customer_id"].nunique()
    assert not valid["customer_id"].isin(["edge_refunded_only", "edge_refunded_no_amount", "edge_last_day"]).any()


def test_cohorts_equal_an_independent_computation(built) -> None:
    con, valid, _ = built
    cells = con.execute(
        """
        select cohort_month, months_since_first, cohort_size, active_members, orders, revenue, is_complete_month
        from marts.fct_member_cohorts where platform = 'generic' order by 1, 2
        """
    ).fetchdf()
    sizes = valid.groupby("cohort")["customer_id"].nunique()
    active = valid.groupby(["cohort", "k"])["customer_id"].nunique()
    counted = valid.groupby(["cohort", "k"]).size()
    revenue = valid.groupby(["cohort", "k"])["amount"].sum()
    last_complete = pd.Period("2024-12", "M")
    reference_month = pd.Period("2025-01", "M")
    expected_rows = sum((reference_month - c).n + 1 for c in sizes.index)
    assert len(cells) == expected_rows  # the spine: every month from the cohort month to the reference month
    for row in cells.itertuples():
        cohort = pd.Period(row.cohort_month, "M")
        key = (cohort, row.months_since_first)
        assert row.cohort_size == sizes[cohort]
        if cohort + row.months_since_first > last_complete:
            assert not row.is_complete_month
            assert pd.isna(row.active_members) and pd.isna(row.orders) and pd.isna(row.revenue)
        else:
            assert row.is_complete_month
            assert row.active_members == active.get(key, 0)
            assert row.orders == counted.get(key, 0)
            assert Decimal(str(row.revenue)) == revenue.get(key, Decimal(0))


def test_month_arithmetic_edge_cases(built) -> None:
    con, _, _ = built
    rows = con.execute(
        """
        select o.order_date, m.cohort_month, m.months_since_first
        from intermediate.int_member_orders as m
        inner join intermediate.int_orders as o on m.platform = o.platform and m.order_id = o.order_id
        inner join staging.stg_generic__orders as s on s.order_id = o.order_id
        where s.amount in (40.00, 41.00, 50.00, 51.00, 52.00) and s.channel = 'community'
          and o.ordered_at in (
            timestamp '2023-12-31 23:59:59', timestamp '2024-01-01 00:00:01', timestamp '2024-01-31 12:00:00',
            timestamp '2024-02-29 12:00:00', timestamp '2024-03-01 12:00:00')
        order by o.ordered_at
        """
    ).fetchall()
    assert rows == [
        (date(2023, 12, 31), date(2023, 12, 1), 0),
        (date(2024, 1, 1), date(2023, 12, 1), 1),
        (date(2024, 1, 31), date(2024, 1, 1), 0),
        (date(2024, 2, 29), date(2024, 1, 1), 1),
        (date(2024, 3, 1), date(2024, 1, 1), 2),
    ]


def test_dim_members_scores_segments_and_flags(built) -> None:
    con, valid, _ = built
    assert con.execute(
        "select count(*) from marts.dim_members where reference_date <> date '2025-01-20'"
    ).fetchone() == (0,)
    bad = con.execute(
        """
        select count(*) from marts.dim_members
        where recency_score not between 1 and 5 or frequency_score not between 1 and 5
           or monetary_score not between 1 and 5 or rfm_segment is null
           or is_silent <> (days_since_last_order > 30)
           or is_high_value <> (net_revenue / active_span_months >= 500)
        """
    ).fetchone()
    assert bad == (0,)
    # quintiles of the position, ties broken by member key, recomputed independently in pandas
    members = con.execute(
        "select platform, member_key, days_since_last_order, orders, net_revenue, "
        "recency_score, frequency_score, monetary_score from marts.dim_members"
    ).df()
    for measure, score, descending in (("days_since_last_order", "recency_score", True),
                                       ("orders", "frequency_score", False),
                                       ("net_revenue", "monetary_score", False)):
        for _, group in members.groupby("platform"):
            ordered = group.sort_values([measure, "member_key"], ascending=[not descending, True])
            position = pd.Series(range(1, len(ordered) + 1), index=ordered.index)
            expected = 1 + (5 * (position - 1)) // len(ordered)
            assert (ordered[score] == expected).all(), score
        assert set(members[score]) == {1, 2, 3, 4, 5}
    # retention at month 0 is 1 for every complete cohort month
    assert con.execute(
        """
        select count(*) from marts.fct_member_cohorts
        where months_since_first = 0 and is_complete_month and retention_rate <> 1
        """
    ).fetchone() == (0,)
    # the channel: generic labels through the channel map, unknown labels to `other`, none stays NULL
    channels = dict(con.execute(
        "select source_label, any_value(channel) from intermediate.int_orders group by 1"
    ).fetchall())
    assert channels == {"search": "natural_search", "ads": "paid_search", "community": "private_community",
                        "tiktok": "other", None: None}
    assert len(valid) > 0


def test_repurchase_views_are_consistent(built) -> None:
    con, valid, _ = built
    # a repeat needs a second purchase day; Shopify's returning customer counts every order
    month = valid[valid["month"] == pd.Period("2024-06", "M")]
    days = month.groupby("customer_id")["order_date"].nunique()
    up_to = valid[valid["month"] <= pd.Period("2024-06", "M")].groupby("customer_id").size()
    buyers, repeat_buyers, returning = con.execute(
        """
        select buyers, repeat_buyers, returning_customers from marts.fct_member_repurchase_monthly
        where platform = 'generic' and order_month = date '2024-06-01'
        """
    ).fetchone()
    assert buyers == len(days)
    assert repeat_buyers == int((days >= 2).sum())
    assert returning == int((up_to[days.index] >= 2).sum())
    assert con.execute(
        """
        select count(*), count(buyers) from marts.fct_member_repurchase_monthly
        where platform = 'generic' and order_month = date '2025-01-01'
        """
    ).fetchone() == (1, 0)
    groups = con.execute(
        """
        select comparison, sum(members) from marts.fct_member_repurchase_by_group
        where platform = 'generic' group by 1 order by 1
        """
    ).fetchall()
    assert groups == [("community", valid["customer_id"].nunique()), ("member_day", valid["customer_id"].nunique())]
