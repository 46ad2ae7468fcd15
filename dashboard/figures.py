"""Every figure the dashboard shows, as SQL on the published warehouse's marts; nothing else queries.

Each call opens the published file read-only, runs one query and closes it: no connection (and so no
lock) outlives a page run, and a build that publishes a new file by atomic rename is seen at the next
interaction. Ratios are ratios of sums computed here in SQL (`sum(a) / sum(b)`), never averages of
daily rates. Charts and tables only rename and lay out what these queries return. This module is the
one place to point at the semantic layer instead of the marts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from storeops.settings import load_settings

PROJECT_DIR = Path(__file__).resolve().parents[1]


def warehouse_path() -> Path:
    """The published warehouse (STOREOPS_WAREHOUSE, default warehouse/storeops.duckdb)."""
    return load_settings(PROJECT_DIR).warehouse


def data_docs_index() -> Path:
    """Great Expectations' Data Docs of the last validation (STOREOPS_DATA_DOCS)."""
    return load_settings(PROJECT_DIR).data_docs_dir / "index.html"


def dbt_docs_index() -> Path:
    """dbt's static docs page written by `make docs`."""
    return PROJECT_DIR / "target" / "static_index.html"


def connect() -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published file as it is now; close it after the query."""
    path = warehouse_path()
    if not path.exists():
        raise FileNotFoundError(f"no published warehouse at {path}: run `make build` first")
    return duckdb.connect(str(path), read_only=True)


def query(sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """Open the file, run one query, close it."""
    con = connect()
    try:
        return con.execute(sql, params or {}).df()
    finally:
        con.close()


def values(sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """The first column of a query, as a list."""
    return query(sql, params).iloc[:, 0].tolist()


# --- funnel ---------------------------------------------------------------------------------------------

# the analysis funnel_biggest_drop_off_last_week's steps, for any week or month of fct_funnel_periods: the
# period's sums of daily values (the one measure every platform reports), summed over the platform's stores;
# cart adders follow product viewers where reported, visitors otherwise (Tmall channels)
FUNNEL_STEPS_SQL = """
with

period_rows as (

    select
        channel,
        sum(exposures) as exposures,
        sum(clicks) as clicks,
        sum(visitor_days) as visitor_days,
        sum(product_viewer_days) as product_viewer_days,
        sum(cart_adder_days) as cart_adder_days,
        sum(ordering_buyer_days) as ordering_buyer_days,
        sum(paying_buyer_days) as paying_buyer_days,
        sum(inquiries) as inquiries
    from marts.fct_funnel_periods
    where period_grain = $grain and period_start = $period_start and platform = $platform
    group by channel

),

steps as (

    select channel, 1 as step_order, 'exposures' as from_step, 'clicks' as to_step,
        exposures as from_count, clicks as to_count
    from period_rows
    union all
    select channel, 2, 'visitor_days', 'product_viewer_days', visitor_days, product_viewer_days
    from period_rows
    union all
    select channel, 3, 'visitor_days', 'inquiries', visitor_days, inquiries
    from period_rows
    union all
    select
        channel, 4,
        case when product_viewer_days is null then 'visitor_days' else 'product_viewer_days' end,
        'cart_adder_days', coalesce(product_viewer_days, visitor_days), cart_adder_days
    from period_rows
    union all
    select channel, 5, 'cart_adder_days', 'ordering_buyer_days', cart_adder_days, ordering_buyer_days
    from period_rows
    union all
    select channel, 6, 'ordering_buyer_days', 'paying_buyer_days', ordering_buyer_days, paying_buyer_days
    from period_rows

),

rated as (

    select
        *,
        to_count / nullif(from_count, 0) as continued_share,
        1 - to_count / nullif(from_count, 0) as drop_off_share
    from steps
    where from_count is not null and to_count is not null

)

select
    channel,
    step_order,
    from_step,
    to_step,
    from_count,
    to_count,
    continued_share,
    drop_off_share,
    row_number() over (
        partition by channel order by drop_off_share desc nulls last, step_order asc
    ) = 1 as is_biggest_drop_off
from rated
order by channel, step_order
"""


# platforms in selectboxes: the ones most operators open first, first
PLATFORM_ORDER = (
    "coalesce(array_position(['tmall', 'site', 'alibaba_com', 'made_in_china', 'generic'], platform), 99), platform"
)


def funnel_platforms() -> list[str]:
    return values(f"select platform from marts.fct_funnel_periods group by platform order by {PLATFORM_ORDER}")


def funnel_periods(grain: str, platform: str) -> tuple[list[Any], int]:
    """The platform's periods of this grain, newest first, and the position of the newest complete one
    (every day of it reported)."""
    frame = query(
        """
        select
            period_start,
            max(days_reported) = date_diff('day', period_start, max(period_end)) + 1 as is_complete
        from marts.fct_funnel_periods
        where period_grain = $grain and platform = $platform
        group by period_start
        order by period_start desc
        """,
        {"grain": grain, "platform": platform},
    )
    complete = frame.index[frame["is_complete"]].tolist()
    return frame["period_start"].tolist(), (complete[0] if complete else 0)


def funnel_steps(grain: str, period_start: Any, platform: str) -> pd.DataFrame:
    """Each channel's funnel steps in the period, what continued, and its biggest drop-off."""
    return query(FUNNEL_STEPS_SQL, {"grain": grain, "period_start": period_start, "platform": platform})


def funnel_summary(grain: str, period_start: Any, platform: str) -> dict[str, Any]:
    """The platform's whole period (all stores and channels): visitors, paying buyers, payment conversion, GMV.

    Sums of daily values over the period (Sycm and Alibaba.com report only daily figures); payment
    conversion is their ratio of sums."""
    row = query(
        """
        select
            sum(visitor_days) as visitors,
            sum(paying_buyer_days) as paying_buyers,
            sum(paying_buyer_days) / nullif(sum(visitor_days), 0) as payment_conversion_rate,
            sum(gmv) as gmv
        from marts.fct_funnel_store_periods
        where period_grain = $grain and period_start = $period_start and platform = $platform
        """,
        {"grain": grain, "period_start": period_start, "platform": platform},
    )
    return row.iloc[0].to_dict()


def funnel_trend(grain: str, platform: str) -> pd.DataFrame:
    """Per period and channel: visitors and payment conversion (ratio of the summed daily values)."""
    return query(
        """
        select
            period_start,
            channel,
            sum(visitor_days) as visitor_days,
            sum(paying_buyer_days) / nullif(sum(visitor_days), 0) as payment_conversion_rate
        from marts.fct_funnel_periods
        where period_grain = $grain and platform = $platform
        group by period_start, channel
        order by period_start, channel
        """,
        {"grain": grain, "platform": platform},
    )


# --- channel ROI ----------------------------------------------------------------------------------------


def attribution_models() -> tuple[list[str], str]:
    """The attribution models in the mart and the project's default one (var attribution_model)."""
    frame = query(
        "select attribution_model, bool_or(is_default_attribution_model) as is_default "
        "from marts.fct_channel_roi_daily group by attribution_model order by attribution_model"
    )
    models = frame["attribution_model"].tolist()
    defaults = frame.loc[frame["is_default"], "attribution_model"].tolist()
    return models, (defaults[0] if defaults else models[0])


def roi_months() -> list[Any]:
    """Months with revenue data (is_within_export_range), newest first."""
    return values(
        "select distinct date_trunc('month', stat_date) as month from marts.fct_channel_roi_daily "
        "where is_within_export_range order by month desc"
    )


# one attribution model's rows only: spend and the platforms' figures are repeated on every model's rows
ROI_WHERE = "attribution_model = $model and is_within_export_range and date_trunc('month', stat_date) = $month"


def roi_by_channel(model: str, month: Any) -> pd.DataFrame:
    """Spend against platform-claimed and warehouse-attributed return per platform and channel."""
    return query(
        f"""
        select
            platform,
            channel,
            sum(spend) as spend,
            sum(platform_attributed_revenue) as platform_attributed_revenue,
            sum(platform_attributed_revenue) / nullif(sum(spend), 0) as platform_roas,
            sum(warehouse_attributed_revenue) as warehouse_attributed_revenue,
            sum(warehouse_attributed_revenue) / nullif(sum(spend), 0) as roas,
            sum(spend) / nullif(sum(warehouse_attributed_orders), 0) as cpa,
            sum(spend) / nullif(sum(warehouse_attributed_new_customers), 0) as cac
        from marts.fct_channel_roi_daily
        where {ROI_WHERE}
        group by platform, channel
        order by {PLATFORM_ORDER}, spend desc, channel
        """,
        {"model": model, "month": month},
    )


def roi_summary(model: str, month: Any) -> dict[str, Any]:
    """The month under one model: spend, the two kinds of revenue and the own shop's ROAS."""
    row = query(
        f"""
        select
            sum(spend) as spend,
            sum(platform_attributed_revenue) as platform_attributed_revenue,
            sum(warehouse_attributed_revenue) as warehouse_attributed_revenue,
            sum(warehouse_attributed_revenue) / nullif(sum(spend) filter (where platform = 'site'), 0)
                as roas
        from marts.fct_channel_roi_daily
        where {ROI_WHERE}
        """,
        {"model": model, "month": month},
    )
    return row.iloc[0].to_dict()


# --- members --------------------------------------------------------------------------------------------


def member_platforms() -> list[str]:
    return values(f"select platform from marts.dim_members group by platform order by {PLATFORM_ORDER}")


def cohort_retention(platform: str) -> pd.DataFrame:
    """The cohort triangle: retention per cohort month and months since the first order (complete months)."""
    return query(
        """
        select cohort_month, months_since_first, cohort_size, retention_rate
        from marts.fct_member_cohorts
        where platform = $platform and retention_rate is not null
        order by cohort_month, months_since_first
        """,
        {"platform": platform},
    )


def member_summary(platform: str) -> dict[str, Any]:
    """Members, members to recall, and month-1 retention over all cohorts (ratio of sums)."""
    row = query(
        """
        select
            (select count(*) from marts.dim_members where platform = $platform) as members,
            (select count(*) from marts.dim_members where platform = $platform and is_high_value and is_silent)
                as members_to_recall,
            (
                select sum(active_members) / nullif(sum(cohort_size), 0)
                from marts.fct_member_cohorts
                where platform = $platform and months_since_first = 1 and active_members is not null
            ) as month_1_retention
        """,
        {"platform": platform},
    )
    return row.iloc[0].to_dict()


def segment_sizes(platform: str) -> pd.DataFrame:
    """Members per RFM segment as of the platform's reference date (dim_members)."""
    return query(
        """
        select rfm_segment, count(*) as members
        from marts.dim_members
        where platform = $platform
        group by rfm_segment
        order by members desc, rfm_segment
        """,
        {"platform": platform},
    )


def segment_sizes_over_time(platform: str) -> pd.DataFrame:
    """Members per RFM segment on each month end and the reference date (fct_member_rfm_monthly), scored there."""
    return query(
        """
        select as_of_date, rfm_segment, members, member_share
        from marts.fct_member_rfm_monthly
        where platform = $platform and platform_members > 0
        order by as_of_date, rfm_segment
        """,
        {"platform": platform},
    )


def recall_list(platform: str) -> pd.DataFrame:
    """High-value members gone silent, most valuable first (analyses/members/members_to_recall.sql)."""
    return query(
        """
        select
            platform, member_key, rfm_segment, rfm_cell, orders, net_revenue, monthly_spend,
            last_order_date, days_since_last_order, first_channel, member_level
        from marts.dim_members
        where platform = $platform and is_high_value and is_silent
        order by net_revenue desc, member_key
        """,
        {"platform": platform},
    )


# --- data health ----------------------------------------------------------------------------------------


def last_exports() -> pd.DataFrame:
    """Per platform and report: files landed, and the newest file with its export and landing times."""
    return query(
        """
        select
            platform,
            report,
            count(*) as files,
            arg_max(file_path, file_seq) as file_path,
            arg_max(modified_at, file_seq) as modified_at,
            arg_max(landed_at, file_seq) as landed_at,
            arg_max(rows, file_seq) as rows
        from raw.landed_files
        group by platform, report
        order by platform, report
        """
    )


def quarantined_by_reason() -> pd.DataFrame:
    """Rows kept out of staging, per reason code (superseded = an older copy of a re-exported row)."""
    return query(
        """
        select reason_code, count(*) as quarantined_rows
        from quarantine.quarantine_rows
        group by reason_code
        order by quarantined_rows desc, reason_code
        """
    )


def health_findings() -> pd.DataFrame:
    """Every finding of fct_data_health: errors (a file mostly rejected), warnings (a mart leaves rows out),
    then infos (nothing lost), largest first."""
    return query(
        """
        select severity, check_name, platform, report, file_path, subject, affected_rows, affected_share, message
        from marts.fct_data_health
        order by array_position(['error', 'warning', 'info'], severity), affected_rows desc, file_path, subject
        """
    )


def failing_validations() -> pd.DataFrame:
    """Every failing check of each export file's latest validation (fct_validation_results): blocked files
    first, then quarantined rows, superseded rows and warnings, most failing rows first."""
    return query(
        """
        select
            outcome, file_path, check_name, expectation_type, column_names, unexpected_count,
            unexpected_share
        from marts.fct_validation_results
        order by
            array_position(['blocked', 'quarantined', 'superseded', 'warning'], outcome),
            unexpected_count desc, file_path, check_name
        """
    )


def health_summary() -> dict[str, Any]:
    """Files landed, rows quarantined (excluding superseded copies) and failing findings."""
    row = query(
        """
        select
            (select count(*) from raw.landed_files) as files,
            (select count(*) from quarantine.quarantine_rows where reason_code <> 'superseded')
                as rejected_rows,
            (select count(*) from marts.fct_data_health where severity = 'error') as errors,
            (select count(*) from marts.fct_data_health where severity = 'warning') as warnings
        """
    )
    return row.iloc[0].to_dict()


# --- campaigns ------------------------------------------------------------------------------------------


def campaigns() -> pd.DataFrame:
    """Each campaign and platform of fct_campaign_performance, newest first."""
    return query(
        f"""
        select campaign_id, platform, any_value(campaign_name) as campaign_name, min(first_date) as first_date
        from marts.fct_campaign_performance
        group by campaign_id, platform
        order by first_date desc, {PLATFORM_ORDER}
        """
    )


# the phases in the order they happen, then the two summaries
CAMPAIGN_PERIOD_ORDER = (
    "array_position(['warm_up', 'pull_forward', 'main', 'burst', 'long_tail', 'hangover', 'whole_campaign', "
    "'net_effect'], period)"
)


def campaign_periods(campaign_id: str, platform: str) -> pd.DataFrame:
    """One campaign on one platform by period: GMV against its same-weekday baseline, uplift, incremental ROI."""
    return query(
        f"""
        select
            period, first_date, last_date, day_count, gmv, baseline_gmv, uplift_gmv, uplift_gmv_pct,
            new_customer_share_over_days, refund_rate, campaign_cost, incremental_roi
        from marts.fct_campaign_performance
        where campaign_id = $campaign_id and platform = $platform
        order by {CAMPAIGN_PERIOD_ORDER}
        """,
        {"campaign_id": campaign_id, "platform": platform},
    )


# --- experiments ----------------------------------------------------------------------------------------


def experiments() -> pd.DataFrame:
    return query(
        "select experiment_id, any_value(experiment_name) as experiment_name from marts.fct_experiment_results "
        "group by experiment_id order by experiment_id"
    )


def experiment_variants(experiment_id: str) -> pd.DataFrame:
    """The experiment's variants, control first: units (and the experiment's), conversion, revenue per unit,
    uplift, p-value, verdict."""
    return query(
        """
        select
            variant, is_control, primary_metric, sum(units) over () as experiment_units,
            units, converters, conversion_rate, revenue_per_unit,
            conversion_relative_uplift, revenue_per_unit_relative_uplift, p_value, ci_low, ci_high,
            units_needed, srm_p_value, verdict
        from marts.fct_experiment_results
        where experiment_id = $experiment_id
        order by is_control desc, variant
        """,
        {"experiment_id": experiment_id},
    )


# --- fulfilment -----------------------------------------------------------------------------------------


def fulfilment_months() -> tuple[list[Any], int]:
    """Months with orders due, newest first, and the position of the newest settled one: fewer than 1 % of
    its orders still awaiting shipment (the months after the exports end are mostly awaiting)."""
    frame = query(
        """
        select
            date_trunc('month', stat_date) as month,
            sum(awaiting_shipment) < 0.01 * sum(orders_due) as is_settled
        from marts.fct_fulfilment_daily
        group by month
        order by month desc
        """
    )
    settled = frame.index[frame["is_settled"]].tolist()
    return frame["month"].tolist(), (settled[0] if settled else 0)


# late-shipment rate = (late + unshipped past the promise) / (those + on time), over summed counts
LATE_RATE_SQL = (
    "sum(late_orders) / nullif(sum(shipped_on_time) + sum(shipped_late) + sum(unshipped_overdue), 0)"
)


def fulfilment_by_carrier(month: Any) -> pd.DataFrame:
    """Orders due in the month per platform and carrier, late ones and the late-shipment rate."""
    return query(
        f"""
        select
            platform,
            carrier,
            sum(orders_due) as due_orders,
            sum(late_orders) as late_orders,
            {LATE_RATE_SQL} as late_shipment_rate
        from marts.fct_fulfilment_daily
        where date_trunc('month', stat_date) = $month
        group by platform, carrier
        order by {PLATFORM_ORDER}, due_orders desc, carrier
        """,
        {"month": month},
    )


def fulfilment_summary(month: Any) -> dict[str, Any]:
    row = query(
        f"""
        select sum(orders_due) as due_orders, sum(late_orders) as late_orders, {LATE_RATE_SQL} as late_shipment_rate
        from marts.fct_fulfilment_daily
        where date_trunc('month', stat_date) = $month
        """,
        {"month": month},
    )
    return row.iloc[0].to_dict()


def fulfilment_trend() -> pd.DataFrame:
    """The late-shipment rate per month and platform."""
    return query(
        f"""
        select date_trunc('month', stat_date) as month, platform, {LATE_RATE_SQL} as late_shipment_rate
        from marts.fct_fulfilment_daily
        group by month, platform
        order by month, platform
        """
    )


# --- stock ----------------------------------------------------------------------------------------------


def stock_summary() -> dict[str, Any]:
    row = query(
        """
        select
            (select count(*) from marts.dim_sku_replenishment where reorder_now) as reorder_now,
            (select count(*) from marts.fct_stockouts) as stockouts,
            (select count(*) from marts.fct_stockouts where is_ongoing) as ongoing_stockouts,
            (select sum(est_lost_gmv) from marts.fct_stockouts) as lost_gmv
        """
    )
    return row.iloc[0].to_dict()


def skus_to_reorder() -> pd.DataFrame:
    """SKUs at or below their reorder point as of the last snapshot (analyses/stock/what_to_reorder_today.sql)."""
    return query(
        f"""
        select platform, sku_id, as_of_date, sellable, in_transit, avg_daily_demand, lead_time_days,
            safety_stock, reorder_point
        from marts.dim_sku_replenishment
        where reorder_now
        order by {PLATFORM_ORDER}, sku_id
        """
    )


def stockouts_by_month() -> pd.DataFrame:
    """Stock-out episodes and their estimated lost GMV by the month they started."""
    return query(
        """
        select date_trunc('month', start_date) as month, platform, count(*) as stockouts, sum(est_lost_gmv) as lost_gmv
        from marts.fct_stockouts
        group by month, platform
        order by month, platform
        """
    )
