"""Fulfilment against the shipping promise (DECISIONLOG U1-U4), on the warehouse `make test` published.

The states and the late-shipment rate are recomputed here in pandas from staging's ship times and the seed, and
must equal fct_fulfilment_daily; the demo's festivals must ship later than ordinary days; a pre-sale order's clock
starts at its balance payment.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DAILY = "marts.fct_fulfilment_daily"
STATE_COLUMNS = ["shipped_on_time", "shipped_late", "unshipped_overdue", "awaiting_shipment", "closed_unshipped",
                 "ship_time_not_exported"]


def _shipments(wh: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Paid orders with their ship time, from each platform's staging model and fct_orders' flags."""
    return wh.execute("""
        with shipped as (
            select 'tmall' as platform, order_id, shipped_at from staging.stg_tmall__orders
            union all select 'site', order_id, shipped_at from staging.stg_site__orders
            union all select 'generic', order_id, shipped_at from staging.stg_generic__orders
        )
        select o.platform, o.order_id, o.is_presale, o.paid_at, o.ordered_at, s.shipped_at,
               o.is_cancelled or o.is_fully_refunded or o.is_test_order as is_closed
        from marts.fct_orders o join shipped s using (platform, order_id)
        where o.is_paid
    """).df()


def _recomputed_states(orders: pd.DataFrame) -> pd.DataFrame:
    """The demo seed's rules (72 hours; Tmall pre-sale 120) and the six states, independently of the SQL."""
    seed = pd.read_csv(REPO / "seeds" / "shipping_promises.csv", dtype=str, keep_default_na=False)
    assert len(seed) == 2, "this recomputation knows the demo seed's two rules; update it with the seed"
    hours = np.where((orders["platform"] == "tmall") & orders["is_presale"], 120, 72)
    due = orders["paid_at"].fillna(orders["ordered_at"]) + pd.to_timedelta(hours, unit="h")
    times = orders[["ordered_at", "paid_at", "shipped_at"]].max(axis=1)
    as_of = times.groupby(orders["platform"]).transform("max")
    shipped = orders["shipped_at"].notna()
    state = np.select(
        [shipped & (orders["shipped_at"] <= due), shipped, orders["is_closed"], due < as_of],
        ["shipped_on_time", "shipped_late", "closed_unshipped", "unshipped_overdue"],
        "awaiting_shipment",
    )
    return pd.DataFrame({"platform": orders["platform"], "month": due.dt.to_period("M").astype(str), "state": state})


def test_states_and_late_rate_match_an_independent_recomputation(wh: duckdb.DuckDBPyConnection) -> None:
    recomputed = _recomputed_states(_shipments(wh))
    expected = recomputed.groupby(["platform", "month", "state"]).size().unstack(fill_value=0)
    mart = wh.execute(f"""
        select platform, strftime(stat_date, '%Y-%m') as month, {", ".join(f"sum({c}) as {c}" for c in STATE_COLUMNS)}
        from {DAILY} group by all
    """).df().set_index(["platform", "month"])
    assert mart["ship_time_not_exported"].sum() == 0, "every demo order file carries its ship-time column"
    expected = expected.reindex(columns=STATE_COLUMNS, fill_value=0).reindex(mart.index, fill_value=0)
    pd.testing.assert_frame_equal(mart.astype("int64"), expected.astype("int64"), check_names=False)
    assert len(recomputed) == wh.execute("select count(*) from marts.fct_orders where is_paid").fetchone()[0]
    late = expected["shipped_late"] + expected["unshipped_overdue"]
    assert late.sum() > 0 and expected["shipped_on_time"].sum() > 0


def test_festivals_ship_later_than_ordinary_days(wh: duckdb.DuckDBPyConnection) -> None:
    """The generator slows shipping in a festival's burst and long tail (median 55 hours against 20 on Tmall)."""
    rates = _busy_rates(wh)
    assert rates[True] > 5 * rates[False] > 0


def _busy_rates(wh: duckdb.DuckDBPyConnection) -> dict[bool, float]:
    """Tmall late-shipment rate of orders paid on a festival's burst or long-tail day, and of the others."""
    rows = wh.execute("""
        with busy as (
            select distinct calendar_date from intermediate.int_campaign_days
            where platform = 'tmall' and phase in ('burst', 'long_tail')
        )
        select busy.calendar_date is not null as is_busy,
               count(*) filter (where f.fulfilment_state in ('shipped_late', 'unshipped_overdue'))
               / count(*) filter (where f.fulfilment_state in ('shipped_on_time', 'shipped_late', 'unshipped_overdue'))
        from intermediate.int_fulfilment_orders f
        left join busy on cast(f.paid_at as date) = busy.calendar_date
        where f.platform = 'tmall' and not f.is_presale
        group by all
    """).fetchall()
    return {bool(busy): float(rate) for busy, rate in rows}


def test_presale_clock_starts_at_the_balance_payment(wh: duckdb.DuckDBPyConnection) -> None:
    rows = wh.execute("""
        select count(*), count(*) filter (where f.paid_at = s.balance_paid_at and f.promise_hours = 120
                                          and f.due_at = s.balance_paid_at + interval 120 hour)
        from intermediate.int_fulfilment_orders f
        join staging.stg_tmall__orders s using (order_id)
        where f.platform = 'tmall' and f.is_presale
    """).fetchone()
    assert rows[0] > 0 and rows[0] == rows[1]
