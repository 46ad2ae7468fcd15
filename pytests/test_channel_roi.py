"""Channel ROI checked independently on the published warehouse (`make test` builds it before pytest).

The warehouse attribution is recomputed here in pandas, from the own-shop sessions and the staged purchase
events and orders, and compared with `marts.fct_channel_roi_daily`; spend and platform revenue are compared
with the staged exports and the manual-costs seed. Point STOREOPS_WAREHOUSE at another built file to check it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml


REPO = Path(__file__).resolve().parents[1]
MODELS = ("last_click", "first_click", "linear", "time_decay", "position_based")
MART = "marts.fct_channel_roi_daily"
CANCELLED = ("cancelled", "canceled", "cancel", "closed", "void", "voided", "failed", "declined", "rejected", "expired")



@pytest.fixture(scope="module")
def project_vars() -> dict:
    return yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchone()[0]


# ---------------------------------------------------------------- grain and models


def test_mart_grain_is_unique_and_carries_all_five_models(wh):
    rows, keys = wh.execute(
        f"select count(*), count(distinct (stat_date, platform, channel, attribution_model)) from {MART}"
    ).fetchone()
    assert rows > 0 and rows == keys
    models = {r[0] for r in wh.execute(f"select distinct attribution_model from {MART}").fetchall()}
    assert models == set(MODELS)
    # every day / platform / channel has the five models, one default, the same spend in each
    bad = scalar(
        wh,
        f"""select count(*) from (
              select stat_date, platform, channel
              from {MART}
              group by all
              having count(distinct attribution_model) <> 5
                  or sum(case when is_default_attribution_model then 1 else 0 end) <> 1
                  or min(spend) <> max(spend)
            )""",
    )
    assert bad == 0


def test_default_model_is_the_configured_one(wh, project_vars):
    default = {
        r[0]
        for r in wh.execute(
            f"select distinct attribution_model from {MART} where is_default_attribution_model"
        ).fetchall()
    }
    assert default == {project_vars["attribution_model"]} == {"last_click"}


def test_no_ambiguous_roi_column(wh):
    columns = {
        r[0]
        for r in wh.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_channel_roi_daily'"
        ).fetchall()
    }
    assert {"spend", "impressions", "clicks", "ad_ctr", "cpc", "roas", "cpa", "cac"} <= columns
    assert {"platform_attributed_revenue", "warehouse_attributed_revenue", "warehouse_attributed_new_customers"} <= (
        columns
    )
    assert "roi" not in columns
    # clicks / impressions of the ads is `ad_ctr`: `ctr` is the funnel marts' clicks / listing exposures
    assert "ctr" not in columns


# ---------------------------------------------------------------- spend


def test_spend_equals_staged_spend_plus_seed_for_every_model(wh):
    staged = {
        "tmall": scalar(wh, "select coalesce(sum(spend), 0) from staging.stg_tmall__zhitongche"),
        "alibaba_com": scalar(wh, "select coalesce(sum(spend), 0) from staging.stg_alibaba_com__p4p"),
    }
    for platform, amount in wh.execute("select platform, sum(amount) from seeds.manual_costs group by 1").fetchall():
        staged[platform] = staged.get(platform, 0) + amount
    assert staged["tmall"] > 0 and staged["alibaba_com"] > 0 and staged["site"] > 0
    for model in MODELS:
        mart = dict(
            wh.execute(
                f"select platform, sum(spend) from {MART} where attribution_model = ? group by 1", [model]
            ).fetchall()
        )
        assert {p: v for p, v in mart.items() if v} == {p: v for p, v in staged.items() if v}, model


def test_period_costs_are_spread_to_the_cent(wh):
    """Each seed row's daily pieces add up to its amount exactly; inside the data, member_crm costs land on their
    platform's member days of the calendar (int_calendar_days), when their period holds any."""
    bad = wh.execute(
        """select seed.platform, seed.channel, seed.cost_type, seed.start_date, seed.amount, sum(spread.spend)
           from seeds.manual_costs as seed
           left join intermediate.int_manual_costs_spread_daily as spread
             on spread.cost_id = seed.platform || '|' || seed.channel || '|' || seed.cost_type || '|'
                || cast(seed.start_date as varchar)
           group by all
           having sum(spread.spend) is distinct from seed.amount"""
    ).fetchall()
    assert bad == []
    member_days = wh.execute(
        """select count(*), count(*) filter (where calendar.is_member_day)
           from intermediate.int_manual_costs_spread_daily as spread
           inner join intermediate.int_calendar_days as calendar
             on (spread.platform, spread.stat_date) = (calendar.platform, calendar.calendar_date)
           where spread.channel = 'member_crm' and spread.is_member_day_spread"""
    ).fetchone()
    assert member_days[0] > 0 and member_days[0] == member_days[1]
    # evenly over the period: the pieces of one cost differ by at most one cent
    spread = scalar(
        wh,
        "select max(d) from (select max(spend) - min(spend) as d from intermediate.int_manual_costs_spread_daily "
        "group by cost_id)",
    )
    assert spread <= 0.01


def test_clicks_within_impressions_and_spend_not_negative(wh):
    assert scalar(wh, f"select count(*) from {MART} where clicks > impressions or spend < 0") == 0
    assert scalar(wh, f"select count(*) from {MART} where ad_ctr not between 0 and 1") == 0


# ---------------------------------------------------------------- platform revenue


def test_zhitongche_roas_is_its_own_figure(wh):
    """Tmall paid search: platform revenue is Zhitongche's 15-day figure; its ROAS is the report's 投入产出比."""
    gmv, spend = wh.execute("select sum(total_gmv), sum(spend) from staging.stg_tmall__zhitongche").fetchone()
    mart_gmv, mart_spend, basis = wh.execute(
        f"""select sum(platform_attributed_revenue), sum(spend), max(platform_attribution_basis)
            from {MART}
            where platform = 'tmall' and channel = 'paid_search' and is_default_attribution_model"""
    ).fetchone()
    assert (mart_gmv, mart_spend) == (gmv, spend)
    assert "15 days" in basis
    # ratio of sums
    assert float(mart_gmv) / float(mart_spend) == pytest.approx(float(gmv) / float(spend))


# ---------------------------------------------------------------- ratios


def test_ratios_are_the_stored_sums_divided(wh):
    df = wh.execute(f"select * from {MART} where is_default_attribution_model").df()

    def ratio(num: pd.Series, den: pd.Series) -> pd.Series:
        return (num.astype(float) / den.astype(float).where(den.astype(float) != 0)).astype(float)

    for column, num, den in [
        ("ad_ctr", "clicks", "impressions"),
        ("cpc", "spend", "clicks"),
        ("roas", "warehouse_attributed_revenue", "spend"),
        ("platform_roas", "platform_attributed_revenue", "spend"),
        ("cpa", "spend", "warehouse_attributed_orders"),
        ("cac", "spend", "warehouse_attributed_new_customers"),
    ]:
        expected = ratio(df[num], df[den])
        actual = df[column].astype(float)
        assert (expected.isna() == actual.isna()).all(), column
        both = expected.notna()
        assert ((expected[both] - actual[both]).abs() <= 1e-9 * (1 + expected[both].abs())).all(), column


# ---------------------------------------------------------------- warehouse attribution, recomputed


def own_shop_conversions(wh: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Paid own-shop orders from staging, with the first purchase event (deduplicated on transaction_id)."""
    return wh.execute(
        f"""
        with purchases as (
            select transaction_id, user_pseudo_id, event_timestamp, event_id,
                   row_number() over (partition by transaction_id order by event_timestamp, event_id) as n
            from staging.stg_site__events
            where event_name = 'purchase' and transaction_id is not null
        )
        select o.order_id,
               coalesce(p.user_pseudo_id, o.user_pseudo_id) as user_pseudo_id,
               coalesce(p.event_timestamp, o.paid_at - interval 8 hour) as converted_at,
               cast(coalesce(p.event_timestamp, o.paid_at - interval 8 hour) + interval 8 hour as date)
                   as conversion_date,
               p.event_id as purchase_event_id,
               cast(o.total_amount as double) as revenue
        from staging.stg_site__orders as o
        left join purchases as p on p.transaction_id = o.order_id and p.n = 1
        where o.is_paid and coalesce(lower(trim(o.status)) not in {CANCELLED!r}, true)
        """
    ).df()


def recompute_attribution(wh: duckdb.DuckDBPyConnection, lookback: int, half_life: float) -> pd.DataFrame:
    """Credit per (model, conversion day, channel), by the rules in the decision log (R3, R4), in pandas."""
    conversions = own_shop_conversions(wh)
    converting = wh.execute(
        "select event_id as purchase_event_id, session_key as converting_session_key "
        "from intermediate.int_site_events_sessionized where event_name = 'purchase'"
    ).df()
    conversions = conversions.merge(converting, on="purchase_event_id", how="left")
    sessions = wh.execute(
        "select session_key, user_pseudo_id, channel, session_started_at, session_date "
        "from intermediate.int_site_sessions"
    ).df()
    sessions = sessions[sessions["user_pseudo_id"].isin(conversions["user_pseudo_id"])]
    j = conversions.merge(sessions, on="user_pseudo_id", how="inner")
    window_start = j["converted_at"] - pd.Timedelta(days=lookback)
    in_window = (j["session_started_at"] <= j["converted_at"]) & (j["session_started_at"] >= window_start)
    j = j[in_window | (j["session_key"] == j["converting_session_key"])].copy()
    j["is_direct"] = j["channel"] == "direct"
    has_other = j.groupby("order_id")["is_direct"].transform("min") == 0
    j = j[~(j["is_direct"] & has_other)]
    # conversions without any session: one direct touch
    missing = conversions[~conversions["order_id"].isin(j["order_id"])].copy()
    missing["channel"] = "direct"
    missing["session_started_at"] = missing["converted_at"]
    missing["session_key"] = None
    missing["session_date"] = missing["conversion_date"]
    j = pd.concat([j, missing[j.columns.intersection(missing.columns)]], ignore_index=True)
    j = j.sort_values(["order_id", "session_started_at", "session_key"]).reset_index(drop=True)
    j["k"] = j.groupby("order_id").cumcount() + 1
    j["n"] = j.groupby("order_id")["k"].transform("max")
    t = (pd.to_datetime(j["conversion_date"]) - pd.to_datetime(j["session_date"])).dt.days
    decay = 2.0 ** (-t / half_life)
    weights = {
        "last_click": (j["k"] == j["n"]).astype(float),
        "first_click": (j["k"] == 1).astype(float),
        "linear": 1.0 / j["n"],
        "time_decay": decay / decay.groupby(j["order_id"]).transform("sum"),
        "position_based": pd.Series(
            [
                1.0 if n == 1 else 0.5 if n == 2 else 0.4 if k in (1, n) else 0.2 / (n - 2)
                for k, n in zip(j["k"], j["n"])
            ],
            index=j.index,
        ),
    }
    frames = []
    for model, w in weights.items():
        sums = w.groupby(j["order_id"]).sum()
        assert (w >= 0).all() and ((sums - 1).abs() < 1e-9).all(), model
        frames.append(
            pd.DataFrame(
                {
                    "attribution_model": model,
                    "stat_date": pd.to_datetime(j["conversion_date"]).dt.date,
                    "channel": j["channel"],
                    "orders": w,
                    "revenue": w * j["revenue"],
                }
            )
        )
    return pd.concat(frames).groupby(["attribution_model", "stat_date", "channel"], as_index=False).sum()


@pytest.fixture(scope="module")
def recomputed(wh, project_vars) -> pd.DataFrame:
    return recompute_attribution(
        wh, int(project_vars["attribution_lookback_days"]), float(project_vars["time_decay_half_life_days"])
    )


def test_warehouse_revenue_sums_to_own_shop_purchase_revenue_for_every_model(wh):
    purchases = scalar(
        wh,
        """select sum(revenue) from (
             select transaction_id, arg_min(purchase_revenue, event_timestamp) as revenue
             from staging.stg_site__events
             where event_name = 'purchase' and transaction_id is not null
             group by transaction_id)""",
    )
    conversions = own_shop_conversions(wh)
    assert float(purchases) == pytest.approx(conversions["revenue"].sum(), abs=0.005)
    per_model = dict(
        wh.execute(
            f"select attribution_model, sum(warehouse_attributed_revenue) from {MART} "
            "where platform = 'site' group by 1"
        ).fetchall()
    )
    assert set(per_model) == set(MODELS)
    for model, revenue in per_model.items():
        assert revenue == pytest.approx(float(purchases), abs=0.01), model
    orders = dict(
        wh.execute(
            f"select attribution_model, sum(warehouse_attributed_orders) from {MART} "
            "where platform = 'site' group by 1"
        ).fetchall()
    )
    for model, count in orders.items():
        assert count == pytest.approx(len(conversions), abs=1e-6), model


def test_warehouse_attribution_matches_an_independent_recomputation(wh, recomputed):
    mart = wh.execute(
        f"""select attribution_model, stat_date, channel,
                   warehouse_attributed_orders as orders, warehouse_attributed_revenue as revenue
            from {MART}
            where platform = 'site' and warehouse_attributed_orders > 0"""
    ).df()
    mart["stat_date"] = pd.to_datetime(mart["stat_date"]).dt.date
    merged = recomputed.merge(
        mart, on=["attribution_model", "stat_date", "channel"], how="outer", suffixes=("_py", "_mart")
    ).fillna(0)
    assert len(merged) > 0
    off = merged[
        ((merged["orders_py"] - merged["orders_mart"]).abs() > 1e-6)
        | ((merged["revenue_py"] - merged["revenue_mart"]).abs() > 0.005)
    ]
    assert off.empty, off.head(10).to_string()


def test_models_disagree_somewhere(recomputed):
    """Multi-touch journeys exist in the demo, so the models do not all give the same channel split."""
    by_channel = recomputed.pivot_table(index="channel", columns="attribution_model", values="revenue", aggfunc="sum")
    assert (by_channel["first_click"] - by_channel["last_click"]).abs().max() > 100


def test_channel_revenue_per_day_within_shop_revenue(wh):
    over = scalar(
        wh,
        f"""with shop as (
              select cast(paid_at as date) as stat_date, sum(total_amount) as revenue
              from staging.stg_site__orders where is_paid group by 1)
            select count(*) from {MART} as m
            left join shop on shop.stat_date = m.stat_date
            where m.platform = 'site' and m.warehouse_attributed_revenue > coalesce(shop.revenue, 0) + 0.005""",
    )
    assert over == 0


def test_new_customers_match_first_valid_orders(wh):
    """Attributed new customers add up, per model, to the own shop's customers whose first valid order it is."""
    first = scalar(
        wh,
        """select count(distinct member_key) from intermediate.int_orders
           where platform = 'site' and is_valid""",
    )
    per_model = wh.execute(
        f"select attribution_model, sum(warehouse_attributed_new_customers) from {MART} "
        "where platform = 'site' group by 1"
    ).fetchall()
    for model, value in per_model:
        assert value == pytest.approx(first, abs=1e-6), model


# ---------------------------------------------------------------- the definitions stay guarded


def test_unit_tests_cover_every_model_and_the_short_journeys():
    tests = []
    for path in (REPO / "models").rglob("*.yml"):
        tests += (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("unit_tests") or []
    weights = [t for t in tests if t.get("model") == "int_site_attribution_weights"]
    for model in MODELS:
        cases = [t for t in weights if any(f"{model}_weight" in row for row in t["expect"]["rows"])]
        assert cases, f"no unit test of the {model} weights"
        touches = {row.get("touches") for t in cases for given in t["given"] for row in given["rows"]}
        assert {1, 2, 5} <= touches, f"{model}: journeys of 1, 2 and 5 touches"
    mart_tests = [t for t in tests if t.get("model") == "fct_channel_roi_daily"]
    assert any("cac" in row for t in mart_tests for row in t["expect"]["rows"])
