"""Made-in-China.com (中国制造网) on the demo warehouse: its exports land, are staged, and its B2B funnel
(exposure → click → visitor → inquiry) reaches the funnel marts beside Alibaba.com's, with the staged sums."""

from __future__ import annotations

import duckdb

PLATFORM = "made_in_china"


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchone()[0]


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_both_exports_land_and_every_row_is_staged(wh):
    for report in ("product_performance", "product_list"):
        landed = scalar(wh, f"select count(*) from raw.{PLATFORM}__{report}")
        staged = scalar(wh, f"select count(*) from staging.stg_{PLATFORM}__{report}")
        assert landed > 0 and staged == landed, (report, landed, staged)
    # every listing of the performance export is in the product list, under the same id
    assert scalar(wh, f"""
        select count(distinct product_id) from staging.stg_{PLATFORM}__product_performance
        where product_id not in (select product_id from staging.stg_{PLATFORM}__product_list)""") == 0


def test_the_funnel_platform_value_names_made_in_china(wh):
    for mart in ("fct_funnel_daily", "fct_funnel_store_daily", "fct_funnel_periods", "fct_funnel_store_periods",
                 "fct_funnel_weekday", "fct_product_funnel_daily"):
        platforms = {r[0] for r in rows(wh, f"select distinct platform from marts.{mart}")}
        assert any("made_in_china" in p for p in platforms), (mart, platforms)


def test_daily_funnel_sums_equal_the_staged_rows(wh):
    diff = rows(wh, f"""
        with staged as (
            select stat_date, sum(exposures) as exposures, sum(clicks) as clicks, sum(visitors) as visitors,
                   sum(inquiries) as inquiries
            from staging.stg_{PLATFORM}__product_performance group by all
        ),
        mart as (
            select stat_date, sum(exposures) as exposures, sum(clicks) as clicks, sum(visitors) as visitors,
                   sum(inquiries) as inquiries
            from marts.fct_funnel_daily where platform like '%made_in_china%' group by all
        )
        select * from staged full outer join mart using (stat_date)
        where staged.exposures is distinct from mart.exposures or staged.clicks is distinct from mart.clicks
           or staged.visitors is distinct from mart.visitors or staged.inquiries is distinct from mart.inquiries""")
    assert diff == []
    totals = rows(wh, f"""
        select (select sum(exposures) from staging.stg_{PLATFORM}__product_performance),
               (select sum(inquiries) from staging.stg_{PLATFORM}__product_performance),
               (select sum(exposures) from marts.fct_funnel_store_daily where platform = '{PLATFORM}'),
               (select sum(inquiries) from marts.fct_funnel_store_daily where platform = '{PLATFORM}')""")[0]
    assert totals[0] > 0 and totals[1] > 0 and totals[:2] == totals[2:]


def test_its_rows_are_b2b_rows_under_its_organic_channel(wh):
    channels, stores, filled = rows(wh, f"""
        select list(distinct channel), list(distinct store_id),
               count(*) filter (where page_views is not null or cart_adders is not null or gmv is not null)
        from marts.fct_funnel_daily where platform = '{PLATFORM}'""")[0]
    assert channels == ["natural_search"] and stores == [PLATFORM] and filled == 0
    assert scalar(wh, f"select count(*) from marts.fct_funnel_store_daily "
                      f"where platform = '{PLATFORM}' and visitors is not null") == 0
    assert scalar(wh, f"select count(*) from marts.fct_product_funnel_daily where platform = '{PLATFORM}'") == scalar(
        wh, f"select count(*) from staging.stg_{PLATFORM}__product_performance")
