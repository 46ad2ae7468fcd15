"""Funnel marts (issue 3): grains, definitions and invariants, queried independently on a built warehouse.

Runs against the published file (`make test` builds it first; point STOREOPS_WAREHOUSE elsewhere to check
another build). Every expectation is recomputed here from staging or from the marts' own counts, not
read back from the dbt tests. The exact reconciliations hold on the demo exports, which the generator
makes coherent (Sycm = the order export; site purchase events = paid site orders).
"""

from __future__ import annotations


import duckdb
import pytest


MARTS = {
    "fct_funnel_daily": ["stat_date", "platform", "store_id", "channel"],
    "fct_funnel_store_daily": ["stat_date", "platform", "store_id"],
    "fct_session_funnel": ["session_key"],
    "fct_funnel_periods": ["period_grain", "period_start", "platform", "store_id", "channel"],
    "fct_funnel_store_periods": ["period_grain", "period_start", "platform", "store_id"],
    "fct_funnel_weekday": ["platform", "store_id", "iso_weekday", "is_member_day"],
    "fct_product_funnel_daily": ["stat_date", "platform", "store_id", "product_id"],
}
COUNTS = [
    "exposures", "clicks", "visitors", "page_views", "product_viewers", "cart_adders",
    "ordering_buyers", "paying_buyers", "paid_orders", "inquiries", "gmv", "net_gmv",
]
# the steps each platform reports per channel in fct_funnel_daily; every other count must be NULL
REPORTED = {
    "tmall": {"visitors", "page_views", "cart_adders", "ordering_buyers", "paying_buyers", "gmv"},
    "site": {"visitors", "page_views", "product_viewers", "cart_adders", "ordering_buyers", "paying_buyers",
             "paid_orders", "gmv", "net_gmv"},
    "alibaba_com": {"exposures", "clicks", "visitors", "inquiries"},
    "made_in_china": {"exposures", "clicks", "visitors", "inquiries"},
    "generic": {"ordering_buyers", "paying_buyers", "paid_orders", "gmv", "net_gmv"},
}
RATES = {
    "ctr": ("clicks", "exposures"),
    "product_view_rate": ("product_viewers", "visitors"),
    "cart_rate": ("cart_adders", "visitors"),
    "order_conversion_rate": ("ordering_buyers", "visitors"),
    "payment_conversion_rate": ("paying_buyers", "visitors"),
    "inquiry_rate": ("inquiries", "visitors"),
    "average_order_value": ("gmv", "paying_buyers"),
}
DISTINCT = ["visitors", "product_viewers", "cart_adders", "ordering_buyers", "paying_buyers"]



def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchone()[0]


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


# ------------------------------------------------------------------------------------------ grains


@pytest.mark.parametrize("mart", MARTS)
def test_mart_is_a_table_with_a_unique_key(wh, mart):
    kind = scalar(wh, f"select table_type from information_schema.tables "
                      f"where table_schema = 'marts' and table_name = '{mart}'")
    assert kind == "BASE TABLE", f"marts.{mart} missing or not a table"
    keys = ", ".join(MARTS[mart])
    assert scalar(wh, f"select count(*) from marts.{mart}") > 0
    dupes = scalar(wh, f"select count(*) from (select {keys} from marts.{mart} group by all having count(*) > 1)")
    nulls = scalar(wh, f"select count(*) from marts.{mart} where " + " or ".join(f"{k} is null" for k in MARTS[mart]))
    assert dupes == 0 and nulls == 0


def test_every_platform_is_in_the_daily_funnel(wh):
    platforms = {r[0] for r in rows(wh, "select distinct platform from marts.fct_funnel_daily")}
    assert platforms == set(REPORTED)


# ------------------------------------------------------------------------------------- definitions


def test_unreported_steps_are_null_and_reported_steps_are_not(wh):
    for platform, reported in REPORTED.items():
        for count in COUNTS:
            nulls, total = rows(wh, f"select count(*) filter (where {count} is null), count(*) "
                                    f"from marts.fct_funnel_daily where platform = '{platform}'")[0]
            if count in reported:
                assert nulls == 0, f"{platform}.{count} is reported but has NULLs"
            else:
                assert nulls == total, f"{platform}.{count} is not reported but is filled (0 is not NULL)"


@pytest.mark.parametrize("mart", ["fct_funnel_daily", "fct_funnel_store_daily", "fct_product_funnel_daily"])
def test_rates_are_ratios_of_the_row_counts(wh, mart):
    columns = {r[0] for r in rows(wh, f"select column_name from information_schema.columns "
                                      f"where table_schema = 'marts' and table_name = '{mart}'")}
    for rate, (num, den) in RATES.items():
        if rate not in columns:
            continue
        bad = scalar(wh, f"""
            select count(*) from marts.{mart}
            where case
                when {den} is null or {den} = 0 or {num} is null then {rate} is not null
                else {rate} is null or abs({rate} - {num}::double / {den}) > 1e-9
            end""")
        assert bad == 0, f"{mart}.{rate} is not {num} / {den}"


@pytest.mark.parametrize("mart", ["fct_funnel_daily", "fct_funnel_store_daily", "fct_funnel_periods",
                                  "fct_funnel_store_periods", "fct_product_funnel_daily", "fct_funnel_weekday"])
def test_rates_lie_in_0_1(wh, mart):
    rate_columns = [r[0] for r in rows(wh, f"""
        select column_name from information_schema.columns
        where table_schema = 'marts' and table_name = '{mart}'
          and (column_name like '%rate%' or column_name = 'ctr')""")]
    assert rate_columns
    for rate in rate_columns:
        assert scalar(wh, f"select count(*) from marts.{mart} where {rate} < 0 or {rate} > 1") == 0, rate


def test_average_order_value_times_buyers_is_gmv(wh):
    for mart, buyers in [("fct_funnel_daily", "paying_buyers"), ("fct_funnel_store_daily", "paying_buyers"),
                         ("fct_funnel_periods", "paying_buyers"), ("fct_product_funnel_daily", "paying_buyers")]:
        bad = scalar(wh, f"select count(*) from marts.{mart} "
                         f"where average_order_value is not null and abs(average_order_value * {buyers} - gmv) > 0.01")
        assert bad == 0, mart


def test_b2b_visitors_may_exceed_clicks(wh):
    # the marts keep the platform's numbers: Alibaba.com visitors arrive by other paths too
    assert scalar(wh, "select count(*) from marts.fct_product_funnel_daily "
                      "where platform = 'alibaba_com' and visitors > clicks") > 0


# ---------------------------------------------------------------------------------- session funnel


def test_sessions_follow_the_30_minute_rule(wh):
    # recount sessions from the staged events: a new session after more than 30 minutes without an event
    recount = scalar(wh, """
        with gaps as (
            select
                user_pseudo_id,
                event_timestamp - lag(event_timestamp) over (
                    partition by user_pseudo_id order by event_timestamp, event_id
                ) as gap
            from staging.stg_site__events
        )
        select count(*) from gaps where gap is null or gap > interval 30 minute""")
    assert recount == scalar(wh, "select count(*) from marts.fct_session_funnel")


def test_closed_funnel_is_monotone_and_inside_the_open_funnel(wh):
    counts = rows(wh, """
        select
            count(*),
            count(*) filter (where reached_view_item),
            count(*) filter (where reached_add_to_cart),
            count(*) filter (where reached_checkout),
            count(*) filter (where reached_purchase),
            count(*) filter (where reached_add_to_cart and not reached_view_item
                             or reached_checkout and not reached_add_to_cart
                             or reached_purchase and not reached_checkout),
            count(*) filter (where reached_view_item and not has_view_item
                             or reached_add_to_cart and not has_add_to_cart
                             or reached_checkout and not has_checkout
                             or reached_purchase and not has_purchase),
            count(*) filter (where has_add_to_cart and not reached_add_to_cart)
        from marts.fct_session_funnel""")[0]
    sessions, view, cart, checkout, purchase, broken, outside, open_only = counts
    assert sessions >= view >= cart >= checkout >= purchase > 0
    assert broken == 0 and outside == 0
    assert open_only > 0, "the demo has carts without a prior product view: open and closed funnels differ"


def test_session_purchases_equal_paid_site_orders(wh):
    purchases, revenue = rows(wh, "select sum(purchases), sum(revenue) from marts.fct_session_funnel")[0]
    orders, amount = rows(wh, "select count(*), sum(total_amount) from staging.stg_site__orders "
                              "where paid_at is not null")[0]
    assert purchases == orders
    assert revenue == amount
    assert scalar(wh, "select count(*) from marts.fct_session_funnel where purchases > 1") > 0


def test_new_visitors_are_first_sessions(wh):
    bad = scalar(wh, "select count(*) from marts.fct_session_funnel where is_new_visitor <> (session_number = 1)")
    assert bad == 0


# --------------------------------------------------------------------------------- reconciliations


def test_daily_gmv_per_platform_equals_staged_orders(wh):
    diff = rows(wh, """
        with staged as (
            select 'tmall' as platform, cast(paid_at as date) as d, sum(paid_amount) as gmv
            from staging.stg_tmall__orders where paid_at is not null group by all
            union all
            select 'site', cast(paid_at as date), sum(total_amount)
            from staging.stg_site__orders where paid_at is not null group by all
            union all
            select 'generic', cast(paid_at as date), sum(amount)
            from staging.stg_generic__orders where paid_at is not null group by all
        ),
        mart as (
            select platform, stat_date as d, sum(gmv) as gmv
            from marts.fct_funnel_daily where platform <> 'alibaba_com' group by all
        )
        select coalesce(staged.platform, mart.platform), coalesce(staged.d, mart.d), staged.gmv, mart.gmv
        from staged full outer join mart on staged.platform = mart.platform and staged.d = mart.d
        where staged.gmv is distinct from mart.gmv""")
    assert diff == []


def test_sycm_shop_daily_equals_the_tmall_order_export(wh):
    diff = rows(wh, """
        with orders as (
            select cast(paid_at as date) as d, count(distinct buyer_nick) as buyers, sum(paid_amount) as gmv
            from staging.stg_tmall__orders where paid_at is not null group by all
        )
        select * from (select * from marts.fct_funnel_store_daily where platform = 'tmall') as s
        full outer join orders on s.stat_date = orders.d
        where s.paying_buyers is distinct from orders.buyers or s.gmv is distinct from orders.gmv""")
    assert diff == []


def test_store_rows_are_platform_totals_not_channel_sums(wh):
    # Tmall: the store row is Sycm's shop overview, below the sum over source channels (overlap)
    over = rows(wh, """
        select count(*) filter (where s.visitors < c.visitors), count(*) filter (where s.visitors > c.visitors),
               count(*) filter (where s.visitors < c.max_visitors)
        from marts.fct_funnel_store_daily as s
        inner join (
            select stat_date, platform, store_id, sum(visitors) as visitors, max(visitors) as max_visitors
            from marts.fct_funnel_daily group by all
        ) as c using (stat_date, platform, store_id)
        where s.platform in ('tmall', 'site')""")[0]
    below_sum, above_sum, below_max = over
    assert above_sum == 0 and below_max == 0
    assert below_sum > 0, "people arrive through several channels: store visitors < the channel sum"
    assert scalar(wh, "select count(*) from marts.fct_funnel_store_daily "
                      "where platform = 'alibaba_com' and visitors is not null") == 0


# ----------------------------------------------------------------------------------------- periods


@pytest.mark.parametrize("period,daily,key_columns", [
    ("fct_funnel_periods", "fct_funnel_daily", ["platform", "store_id", "channel"]),
    ("fct_funnel_store_periods", "fct_funnel_store_daily", ["platform", "store_id"]),
])
def test_period_distinct_counts_lie_between_max_and_sum_of_days(wh, period, daily, key_columns):
    keys = ", ".join(key_columns)
    on_keys = " and ".join(f"p.{k} = d.{k}" for k in key_columns)
    for measure in DISTINCT:
        checked, bad = rows(wh, f"""
            with d as (
                select grain, cast(date_trunc(grain, stat_date) as date) as period_start, {keys},
                       max({measure}) as mx, sum({measure}) as sm
                from marts.{daily} cross join (values ('week'), ('month')) as g(grain)
                group by all
            )
            select count(p.{measure}), count(*) filter (where p.{measure} < d.mx or p.{measure} > d.sm)
            from marts.{period} as p
            inner join d on p.period_grain = d.grain and p.period_start = d.period_start and {on_keys}
            """)[0]
        assert bad == 0, f"{period}.{measure}"
        if measure in ("visitors", "paying_buyers"):
            assert checked > 0, f"{period}.{measure} has no recounts"
    # sums of daily values are named as such and are what they say
    assert scalar(wh, f"""
        select count(*) from marts.{period} as p
        where p.visitor_days is not null and p.visitors is not null and p.visitors > p.visitor_days""") == 0


def test_weekly_site_visitors_are_recounted_from_events(wh):
    diff = rows(wh, """
        with events as (
            select cast(date_trunc('week', event_date) as date) as wk, count(distinct user_pseudo_id) as visitors
            from staging.stg_site__events group by all
        )
        select * from events full outer join (
            select period_start, visitors from marts.fct_funnel_store_periods
            where platform = 'site' and period_grain = 'week'
        ) as p on events.wk = p.period_start
        where events.visitors is distinct from p.visitors""")
    assert diff == []
    assert scalar(wh, "select count(*) from marts.fct_funnel_store_periods "
                      "where platform = 'site' and visitors < visitor_days") > 0


def test_daily_aggregates_have_no_period_distinct_counts(wh):
    filled = scalar(wh, "select count(*) from marts.fct_funnel_periods "
                        "where platform in ('tmall', 'alibaba_com') and visitors is not null")
    days = scalar(wh, "select count(*) from marts.fct_funnel_periods "
                      "where platform = 'tmall' and visitor_days is null")
    assert filled == 0 and days == 0


# ----------------------------------------------------------------------------- weekday and product


def test_one_meaning_per_rate_name_across_marts(wh):
    """Issue 13: `ctr` is clicks / listing exposures wherever it appears (the paid-ad rate is `ad_ctr`, in
    channel ROI only), and a rate over sums of daily distinct counts is named `*_over_days` in every mart."""
    located = rows(wh, "select table_name, column_name from information_schema.columns "
                       "where table_schema = 'marts' and column_name in ('ctr', 'ad_ctr')")
    assert {t for t, c in located if c == "ad_ctr"} == {"fct_channel_roi_daily"}
    for mart in {t for t, c in located if c == "ctr"}:
        assert mart != "fct_channel_roi_daily"
        exposures = "avg_daily_exposures" if mart == "fct_funnel_weekday" else "exposures"
        bad = scalar(wh, f"select count(*) from marts.{mart} where {exposures} is null and ctr is not null")
        assert bad == 0, f"{mart}.ctr is not over listing exposures"
    # the weekday mart divides sums of daily values: its visitor and buyer rates say so
    weekday = {r[0] for r in rows(wh, "select column_name from information_schema.columns "
                                      "where table_schema = 'marts' and table_name = 'fct_funnel_weekday'")}
    plain = {rate for rate in RATES if rate != "ctr"} & weekday
    assert not plain, f"fct_funnel_weekday divides sums of daily values but names {plain} as plain rates"
    assert {"cart_rate_over_days", "payment_conversion_rate_over_days", "inquiry_rate_over_days",
            "average_order_value_over_days"} <= weekday



def test_weekday_view_shows_the_wednesday_trough_and_the_member_day(wh):
    by_day = dict(rows(wh, "select iso_weekday, visitors_index from marts.fct_funnel_weekday "
                           "where platform = 'tmall' and not is_member_day"))
    assert min(by_day, key=by_day.get) == 3, by_day
    # the demo's member day is the Wednesday of the operator's calendar from mid-year (DECISIONLOG K6)
    member = dict(rows(wh, "select iso_weekday, gmv_index from marts.fct_funnel_weekday "
                           "where platform = 'tmall' and is_member_day"))
    assert list(member) == [3] and member[3] > 1.25 * scalar(
        wh, "select gmv_index from marts.fct_funnel_weekday where platform = 'tmall' and iso_weekday = 3 "
            "and not is_member_day")


def test_product_funnel_covers_both_listing_reports(wh):
    counts = dict(rows(wh, "select platform, count(*) from marts.fct_product_funnel_daily group by all"))
    assert counts.get("tmall", 0) == scalar(wh, "select count(*) from staging.stg_tmall__sycm_product_traffic")
    assert counts.get("alibaba_com", 0) == scalar(
        wh, "select count(*) from staging.stg_alibaba_com__product_performance")
