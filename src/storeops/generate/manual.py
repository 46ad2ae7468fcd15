"""The operator's own sheets: the campaign calendar (exports/manual/campaigns/) and the experiment plans
(exports/manual/experiments/, written by `experiments.plans_export`).

One file, as an operator keeps it: every festival phase of the years in the
window (the seed's ids, so these rows replace the seed's, with a budget and the
mechanics), a theme week on Tmall each August, and a Wednesday member day
written as one rule row (weekday, from, to) starting halfway through the window.
Budgets are drawn from the seed, so another seed gives another file.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from storeops.contracts import get_contract
from storeops.generate import catalog as cat
from storeops.generate.calendar import Calendar, festival_windows, member_day_rule, theme_week_start
from storeops.generate.experiments import plans_export
from storeops.generate.writer import Export, table_export

PLATFORM = "manual"
FESTIVAL_BUDGET_YUAN = {"warm_up": (20_000, 40_000), "burst": (30_000, 60_000), "long_tail": (5_000, 10_000)}
FESTIVAL_MECHANICS = {
    "warm_up": "预售定金膨胀, 加购有礼",
    "burst": "跨店满300减50, 店铺券",
    "long_tail": "返场满减",
}
THEME_WEEK = ("theme_week", "Summer linen theme week", "tmall", "main", "新品8折, 满2件9折")
"""id prefix, name, platform, phase, mechanics; the days are `calendar.theme_week_start` and the 6 after."""
MEMBER_DAY = (
    "member_day_wednesday", "Wednesday member day", "all", "weekly", cat.MEMBER_DAY_NAME, "会员专享券, 积分加倍"
)
"""id, name, platform, phase, weekday, mechanics; from and to are `calendar.member_day_rule`, the days the simulated
shops run it."""


def calendar_rows(rng: np.random.Generator, cal: Calendar) -> list[tuple[str, ...]]:
    """The calendar's rows: campaign_id, name, type, platform, phase, start, end, weekday, budget, mechanics."""
    first_day, last_day = cal.start, cal.start + timedelta(days=cal.days - 1)
    rows: list[tuple[str, ...]] = []
    for year in range(first_day.year, last_day.year + 1):
        for campaign_id, name, phase, start, end in festival_windows(year):
            budget = int(rng.integers(*FESTIVAL_BUDGET_YUAN[phase])) // 100 * 100
            rows.append((campaign_id, name, "platform_festival", "all", phase, start.isoformat(), end.isoformat(), "",
                         f"{budget}.00", FESTIVAL_MECHANICS[phase]))
        key, name, platform, phase, mechanics = THEME_WEEK
        monday = theme_week_start(year)
        budget = int(rng.integers(5_000, 15_000)) // 100 * 100
        rows.append((f"{key}_{year}", name, "theme_week", platform, phase, monday.isoformat(),
                     (monday + timedelta(days=cat.THEME_WEEK_DAYS - 1)).isoformat(), "", f"{budget}.00", mechanics))
    campaign_id, name, platform, phase, weekday, mechanics = MEMBER_DAY
    start, end = member_day_rule(cal.start, cal.days)
    rows.append((campaign_id, name, "member_day", platform, phase, start.isoformat(), end.isoformat(), weekday, "",
                 mechanics))
    return rows


def manual_exports(seed: np.random.SeedSequence, cal: Calendar, scale: float) -> list[Export]:
    """The operator's sheets: the campaign calendar, one snapshot file named after the window's last day, and
    the experiment plans (no randomness of their own)."""
    rng = np.random.default_rng(seed)
    rows = calendar_rows(rng, cal)
    names = [c.name for c in get_contract(PLATFORM, "campaigns").columns]
    columns = {name: np.array([row[i] for row in rows]) for i, name in enumerate(names)}
    return [table_export(PLATFORM, "campaigns", np.zeros(len(rows), np.int64), columns,
                         snapshot=str(cal.date_strings[-1])),
            plans_export(cal)]
