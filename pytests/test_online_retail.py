"""Real data: the UCI Online Retail file, converted to generic order exports, built end to end.

One order per invoice with a customer ID and positive quantities, amount = Σ quantity × unit price
(rounded to the cent), ordered at the invoice time; only the generic export's required columns plus
`currency`. `customer_id` is a PII column of the generic contract, so it lands hashed: distinct
counts are unaffected. The figures asserted are those of ../shared/realdata/online_retail/README.md,
read from the *published* marts.
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, run_build

# the project's shared folder sits beside the repository (override with STOREOPS_SHARED)
SHARED = Path(os.environ.get("STOREOPS_SHARED") or REPO.parent / "shared")
ONLINE_RETAIL = SHARED / "realdata" / "online_retail" / "onlineretail.parquet"


def convert_online_retail(parquet: Path, exports: Path) -> int:
    """Write the invoices as generic order exports, one file per invoice month; returns the orders written."""
    folder = exports / "generic" / "orders"
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(
        f"""
        create table orders as
        select
            InvoiceNo as order_id,
            cast(cast(CustomerID as bigint) as varchar) as customer_id,
            min(InvoiceDate) as ordered_at,
            cast(round(sum(cast(Quantity as bigint) * cast(UnitPrice as decimal(18, 3))), 2) as decimal(18, 2))
                as amount
        from read_parquet('{parquet}')
        where CustomerID is not null and Quantity > 0
        group by InvoiceNo, CustomerID
        """
    )
    months = [r[0] for r in con.execute("select distinct strftime(ordered_at, '%Y-%m') from orders order by 1").fetchall()]
    for month in months:
        target = folder / f"online_retail_{month}.csv"
        con.execute(
            f"""
            copy (
                select
                    order_id,
                    customer_id,
                    strftime(ordered_at, '%Y-%m-%d %H:%M:%S') as ordered_at,
                    cast(amount as varchar) as amount,
                    'GBP' as currency
                from orders
                where strftime(ordered_at, '%Y-%m') = '{month}'
                order by ordered_at, order_id
            ) to '{target}' (header, delimiter ',')
            """
        )
    (written,) = con.execute("select count(*) from orders").fetchone()
    con.close()
    return written


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    if not ONLINE_RETAIL.exists():
        message = f"real data not found at {ONLINE_RETAIL} (set STOREOPS_SHARED to the shared folder)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI always has shared/ beside the clone: never pass without the real data
        pytest.skip(message)
    tmp_path = tmp_path_factory.mktemp("online_retail")
    exports = tmp_path / "exports"
    assert convert_online_retail(ONLINE_RETAIL, exports) == 18_536
    result = run_build(tmp_path, exports)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-4000:]
    con = duckdb.connect(str(tmp_path / "published" / "storeops.duckdb"), read_only=True)
    yield con
    con.close()


def test_members_orders_and_revenue(published: duckdb.DuckDBPyConnection) -> None:
    members, orders, revenue, net_revenue, repeaters = published.execute(
        """
        select count(*), sum(orders), sum(revenue), sum(net_revenue), count(case when orders >= 2 then 1 end)
        from marts.dim_members where platform = 'generic'
        """
    ).fetchone()
    assert members == 4_339
    assert orders == 18_536
    assert revenue == Decimal("8911407.90")
    assert net_revenue == Decimal("8911407.90")  # the export carries no refunds
    assert repeaters == 2_845
    assert published.execute("select count(*) from marts.dim_members where is_repeat_buyer").fetchone() == (2_845,)


def test_december_2010_cohort(published: duckdb.DuckDBPyConnection) -> None:
    rows = published.execute(
        """
        select months_since_first, cohort_size, active_members, retention_rate
        from marts.fct_member_cohorts
        where platform = 'generic' and cohort_month = date '2010-12-01' and months_since_first <= 3
        order by months_since_first
        """
    ).fetchall()
    assert [r[0] for r in rows] == [0, 1, 2, 3]
    assert {r[1] for r in rows} == {885}
    assert [r[2] for r in rows] == [885, 324, 286, 340]
    assert [round(r[3], 3) for r in rows] == [1.0, 0.366, 0.323, 0.384]


def test_cohorts_cover_every_member_and_stop_at_the_last_complete_month(
    published: duckdb.DuckDBPyConnection,
) -> None:
    # the data ends on 2011-12-09: December 2011 is not complete, so its cells are NULL, not 0
    assert published.execute(
        "select distinct reference_date from marts.dim_members where platform = 'generic'"
    ).fetchall() == [(datetime.date(2011, 12, 9),)]
    assert published.execute(
        "select sum(cohort_size) from marts.fct_member_cohorts where platform = 'generic' and months_since_first = 0"
    ).fetchone() == (4_339,)
    december_2011 = published.execute(
        """
        select count(*), count(active_members), count(retention_rate), bool_and(not is_complete_month)
        from marts.fct_member_cohorts where platform = 'generic' and activity_month = date '2011-12-01'
        """
    ).fetchone()
    assert december_2011 == (13, 0, 0, True)
    # no member day in 2010-2011 (the campaign calendar starts in 2024): everyone is on other days
    assert published.execute(
        """
        select members from marts.fct_member_repurchase_by_group
        where platform = 'generic' and comparison = 'member_day' and buyer_group = 'other_days'
        """
    ).fetchone() == (4_339,)
