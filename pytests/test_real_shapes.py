"""Two shapes of real files that used to build wrong, each built alone, with figures checked against an
independent computation over the rows written (plain Python, not the warehouse's SQL). Both files go
into one isolated build (different platforms, nothing shared); every check is per platform.

1. A slim Tmall order export, shaped like the widely shared real file: UTF-8, seven columns (订单编号,
   总金额, 买家实际支付金额, 收货地址, 订单创建时间, 订单付款时间, 退款金额), headers with trailing spaces, no
   买家会员名, unpaid orders with an empty payment time and 0 paid, and 买家实际支付金额 written net of
   退款金额 (a full refund writes 0). It used to fail the build (not_null on the member key).
2. An order history from 1997-1998 as generic orders (the shape of the public data sets cohort and lifetime
   value studies use, with their compact dates: 19970101). It used to be quarantined whole by a 2000-01-01
   date floor, silently.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from conftest import GENERIC_HEADER, run_build, write_export

SLIM_HEADER = ["订单编号", "总金额", "买家实际支付金额", "收货地址 ", "订单创建时间", "订单付款时间 ", "退款金额"]
PROVINCES = ["上海", "北京", "广东省", "浙江省", "江苏省", "内蒙古自治区", "四川省", "湖北省"]


@dataclass(frozen=True)
class SlimOrder:
    order_id: str
    total: Decimal
    paid: Decimal  # 买家实际支付金额 as written: net of the refund
    refund: Decimal
    created_at: datetime
    paid_at: datetime | None


def slim_orders(count: int, seed: int = 11) -> list[SlimOrder]:
    rng = random.Random(seed)
    out = []
    for i in range(1, count + 1):
        total = Decimal(rng.randint(1_000, 50_000)) / 100
        created = datetime(2020, 2, 1) + timedelta(minutes=rng.randint(0, 28 * 24 * 60 - 1))
        kind = rng.random()
        if kind < 0.14:  # not paid
            out.append(SlimOrder(str(i), total, Decimal("0"), Decimal("0"), created, None))
            continue
        paid_at = created + timedelta(minutes=rng.randint(0, 90))
        if kind < 0.32:  # fully refunded: written 0 paid
            out.append(SlimOrder(str(i), total, Decimal("0.00"), total, created, paid_at))
        elif kind < 0.36:  # partly refunded: written net
            refund = (total * Decimal("0.4")).quantize(Decimal("0.01"))
            out.append(SlimOrder(str(i), total, total - refund, refund, created, paid_at))
        else:
            out.append(SlimOrder(str(i), total, total, Decimal("0"), created, paid_at))
    return out


def write_slim(exports: Path, orders: list[SlimOrder]) -> None:
    rows = [
        [o.order_id, str(o.total), str(o.paid), PROVINCES[int(o.order_id) % len(PROVINCES)],
         o.created_at.strftime("%Y-%m-%d %H:%M:%S"),
         o.paid_at.strftime("%Y-%m-%d %H:%M:%S") if o.paid_at else "", str(o.refund)]
        for o in orders
    ]
    write_export(exports, "tmall", "orders", "tmall_order_report.csv", SLIM_HEADER, rows, newline="\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """Both files in one exports folder and one isolated build (different platforms: they share nothing)."""
    tmp_path = tmp_path_factory.mktemp("real_shapes")
    exports = tmp_path / "exports"
    tmall, history = slim_orders(3_000), old_history(1_200)
    write_slim(exports, tmall)
    write_export(exports, "generic", "orders", "orders.csv", GENERIC_HEADER,
                 [[o.order_id, o.customer_id, o.day.strftime("%Y%m%d"), str(o.amount)] for o in history],
                 newline="\n")
    done = run_build(tmp_path, exports)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    con = duckdb.connect(str(tmp_path / "published" / "storeops.duckdb"), read_only=True)
    yield con, tmall, history, done.stdout
    con.close()


@pytest.fixture(scope="module")
def slim(built):
    con, tmall, _, stdout = built
    return con, tmall, stdout


def test_slim_tmall_orders_match_the_file(slim) -> None:
    con, orders, _ = slim
    paid = [o for o in orders if o.paid_at]
    kept = [o for o in paid if o.paid > 0]  # a full refund is written as 0 paid
    got = con.execute(
        """
        select count(*), count(case when is_paid then 1 end), count(case when is_valid then 1 end),
            sum(case when is_paid then gross_amount end), sum(case when is_paid then net_amount end),
            sum(case when is_valid then net_amount end), count(member_key)
        from marts.fct_orders where platform = 'tmall'
        """
    ).fetchone()
    assert got == (
        len(orders), len(paid), len(kept),
        sum(o.total for o in paid),  # GMV: what was paid at payment time
        sum(o.paid for o in paid),  # net: 买家实际支付金额 as written
        sum(o.paid for o in kept),
        0,
    )


def test_slim_tmall_funnel_counts_the_orders(slim) -> None:
    con, orders, _ = slim
    paid = [o for o in orders if o.paid_at]
    by_day: dict[date, list[SlimOrder]] = defaultdict(list)
    for o in paid:
        by_day[o.paid_at.date()].append(o)
    got = con.execute(
        """
        select stat_date, sum(paid_orders), sum(gmv), sum(net_gmv), count(paying_buyers), count(visitors)
        from marts.fct_funnel_daily where platform = 'tmall' group by stat_date order by stat_date
        """
    ).fetchall()
    assert got == [
        (day, len(day_orders), sum(o.total for o in day_orders), sum(o.paid for o in day_orders), 0, 0)
        for day, day_orders in sorted(by_day.items())
    ]
    store = con.execute(
        "select sum(paid_orders), sum(gmv), sum(net_gmv) from marts.fct_funnel_store_daily where platform = 'tmall'"
    ).fetchone()
    assert store == (len(paid), sum(o.total for o in paid), sum(o.paid for o in paid))


def test_slim_tmall_member_marts_leave_the_orders_out_and_say_so(slim) -> None:
    con, orders, stdout = slim
    assert con.execute("select count(*) from marts.dim_members where platform = 'tmall'").fetchone() == (0,)
    assert con.execute("select count(*) from marts.fct_member_cohorts where platform = 'tmall'").fetchone() == (0,)
    health = con.execute(
        """
        select check_name, severity, affected_rows, total_rows from marts.fct_data_health
        where check_name in ('orders_without_member_key', 'paid_amount_net_of_refunds') order by 1
        """
    ).fetchall()
    refunded = sum(1 for o in orders if o.paid_at and o.refund > 0)
    assert health == [
        ("orders_without_member_key", "warning", len(orders), len(orders)),
        ("paid_amount_net_of_refunds", "info", refunded, len(orders)),
    ]
    assert (
        f"tmall/orders/tmall_order_report.csv: {len(orders):,} of {len(orders):,} order(s) (100.0 %) have no "
        "member key (the file has no 买家会员名 column)"
    ) in stdout
    # nothing quarantined, nothing lost
    assert con.execute("select count(*) from quarantine.quarantine_rows").fetchone() == (0,)
    assert con.execute("select count(*) from staging.stg_tmall__orders").fetchone() == (len(orders),)


@dataclass(frozen=True)
class OldOrder:
    order_id: str
    customer_id: str
    day: date
    amount: Decimal


def old_history(customers: int, seed: int = 5) -> list[OldOrder]:
    """First purchases from January to March 1997, repeat purchases until June 1998."""
    rng = random.Random(seed)
    out = []
    end = date(1998, 6, 30)
    for c in range(1, customers + 1):
        day = date(1997, 1, 1) + timedelta(days=rng.randint(0, 89))
        n = 0
        while day <= end:
            n += 1
            out.append(OldOrder(f"{c}-{n}", str(c), day, Decimal(rng.randint(500, 20_000)) / 100))
            if rng.random() < 0.45:
                break
            day += timedelta(days=rng.randint(5, 120))
    return out


def month(day: date) -> date:
    return day.replace(day=1)


def months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


@pytest.fixture(scope="module")
def old(built):
    con, _, history, stdout = built
    return con, history, stdout


def test_old_history_lands_whole(old) -> None:
    con, orders, stdout = old
    assert "[quarantine]" not in stdout and "[blocking]" not in stdout
    assert con.execute("select count(*) from quarantine.quarantine_rows").fetchone() == (0,)
    assert con.execute(
        "select min(order_date), max(order_date) from marts.fct_orders where platform = 'generic'"
    ).fetchone() == (
        min(o.day for o in orders), max(o.day for o in orders))


def test_old_history_members_orders_and_revenue(old) -> None:
    con, orders, _ = old
    got = con.execute(
        "select count(*), sum(orders), sum(net_revenue) from marts.dim_members where platform = 'generic'"
    ).fetchone()
    assert got == (len({o.customer_id for o in orders}), len(orders), sum(o.amount for o in orders))


def test_old_history_cohorts(old) -> None:
    con, orders, _ = old
    first: dict[str, date] = {}
    for o in sorted(orders, key=lambda o: o.day):
        first.setdefault(o.customer_id, month(o.day))
    active: dict[tuple[date, int], set[str]] = defaultdict(set)
    for o in orders:
        active[(first[o.customer_id], months_between(first[o.customer_id], month(o.day)))].add(o.customer_id)
    sizes: dict[date, int] = defaultdict(int)
    for cohort in first.values():
        sizes[cohort] += 1
    expected = sorted(
        (cohort, k, sizes[cohort], len(active.get((cohort, k), set())))
        for cohort in sizes for k in range(0, 7)
    )
    got = con.execute(
        """
        select cohort_month, months_since_first, cohort_size, active_members from marts.fct_member_cohorts
        where platform = 'generic' and months_since_first <= 6 order by 1, 2
        """
    ).fetchall()
    assert got == expected
    assert [c for c, *_ in got][:1] == [date(1997, 1, 1)]
