"""The demo's two experiments and their plans (the `manual/experiments` export), effects known by construction.

- `EXP-PDP-COPY`, a detail-page A/B test on the own shop. Every visitor is split 50/50 for the whole window
  (`site_sessions._users`, `variant_b`); the `view_item` events of item `catalog.SITE_EXPERIMENT_ITEM` carry
  `experiment_variant` `A` (the "efficacy" copy, the control) or `B` (the "scene" copy). A session that came
  for that item pays with probability × `catalog.SITE_VARIANT_B_LIFT` (1.5) under B: the true effect, +50 % on
  the payment step of those sessions. A unit is any visitor who saw the item, browsing included, so the
  visitor-level conversion the mart measures rises by less (the default demo year: 7.1 % against 9.1 %,
  +28 %; expected z about 4, so the demo detects it nearly always; DECISIONLOG X8). The plan covers the
  whole window but its last `PDP_WINDOW_DAYS` days, so that every unit has its full window; the site events
  are the demo's existing ones, unchanged.
- `EXP-RECALL`, a coupon recall of the generic shop's lapsed customers (`generic_recall`): on the send day,
  every customer with a paid order before it and none in the `RECALL_LAPSED_DAYS` days before (fewer in a
  short window) is drawn, 10 %
  at random into a holdout. A treated customer places one extra paid order within the 30-day window with
  probability `RECALL_EXTRA_ORDER` (0.08), on top of their ordinary orders: the true effect on repurchase
  within 30 days, +8 percentage points (less where the window is cut by the end of the demo).
  `RECALL_DOUBLE_LISTED` customers are written under both groups (two lists merged by hand): the mart
  excludes and counts them.

Both plans sit inside any window (the generator's tests use 45 days), so every export has rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storeops.generate.calendar import Calendar
from storeops.generate.writer import Export, table_export

PDP_TEST_ID = "EXP-PDP-COPY"
PDP_WINDOW_DAYS = 7
RECALL_ID = "EXP-RECALL"
RECALL_WINDOW_DAYS = 30
RECALL_LAPSED_DAYS = 30
RECALL_HOLDOUT_SHARE = 0.10
RECALL_EXTRA_ORDER = 0.08
RECALL_DOUBLE_LISTED = 3
RECALL_GROUPS = ("treatment", "holdout")


@dataclass(frozen=True)
class Plan:
    """One row of the experiment plans, as an operator types it (Chinese headers, English values)."""

    experiment_id: str
    name: str
    unit: str
    control: str
    start_day: int
    """day index into the calendar"""
    end_day: int
    metric: str
    window_days: int
    split: str
    member_platform: str = ""
    min_detectable_uplift: str = ""
    notes: str = ""


def pdp_test(cal: Calendar) -> Plan:
    """The detail-page copy test: from the window's first day to the last one whose 7-day window fits."""
    return Plan(
        PDP_TEST_ID, "详情页文案 A/B：功效版 (A) vs 场景版 (B)", "visitor", "A", 0,
        max(cal.days - 1 - PDP_WINDOW_DAYS, 0), "conversion", PDP_WINDOW_DAYS, "A:50;B:50",
        min_detectable_uplift="15%", notes="DR-2403 详情页；曝光即分组",
    )


def recall_plan(cal: Calendar) -> Plan:
    """The coupon recall: sent on one day, the middle of the window."""
    day = cal.days // 2
    holdout = round(100 * RECALL_HOLDOUT_SHARE)
    return Plan(
        RECALL_ID, "沉睡客户召回券（10% 留出组）", "member", "holdout", day, day, "repurchase", RECALL_WINDOW_DAYS,
        f"treatment:{100 - holdout};holdout:{holdout}", member_platform="generic", notes="30 天未购客户；短信 + 券",
    )


def plans_export(cal: Calendar) -> Export:
    """The `manual/experiments` export: both plans, each in the file of its start month."""
    plans = [pdp_test(cal), recall_plan(cal)]
    starts = np.array([p.start_day for p in plans])
    dates = cal.date_strings

    def column(values: list[str]) -> np.ndarray:
        return np.array(values, dtype=object).astype(str)

    columns = {
        "experiment_id": column([p.experiment_id for p in plans]),
        "experiment_name": column([p.name for p in plans]),
        "unit": column([p.unit for p in plans]),
        "control_variant": column([p.control for p in plans]),
        "start_date": dates[starts],
        "end_date": dates[np.array([p.end_day for p in plans])],
        "primary_metric": column([p.metric for p in plans]),
        "window_days": column([str(p.window_days) for p in plans]),
        "planned_split": column([p.split for p in plans]),
        "member_platform": column([p.member_platform for p in plans]),
        "min_detectable_uplift": column([p.min_detectable_uplift for p in plans]),
        "notes": column([p.notes for p in plans]),
    }
    return table_export("manual", "experiments", cal.month_key[starts], columns)
