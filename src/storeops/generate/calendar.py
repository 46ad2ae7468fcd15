"""The day-level shape of the demo year: weekdays, festivals, member days, seeding.

Every quantity is an array with one entry per day of the window, so that any
`start` date and any number of `days` work (festivals recur every year).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from storeops.generate import catalog as cat


@dataclass(frozen=True)
class Calendar:
    """Per-day arrays for the window `start .. start + days - 1`."""

    start: date
    days: int
    dates: np.ndarray
    """datetime64[D]"""
    weekday: np.ndarray
    """0 = Monday"""
    month: np.ndarray
    """1..12"""
    month_key: np.ndarray
    """year * 12 + month - 1, the file partition"""
    phase: np.ndarray
    """index into `catalog.PHASES`"""
    festival: np.ndarray
    """index into `catalog.FESTIVALS`, -1 outside a festival (after-dip included)"""
    seeding: np.ndarray
    """index into `catalog.SEEDING_PERIODS`, -1 outside seeding"""
    member_day: np.ndarray
    """bool: the weekly member day of the operator's calendar (`member_day_rule`), the only member days the shop
    has"""
    theme_week: np.ndarray
    """bool: the Tmall theme week of the operator's calendar (`theme_week_start`)"""

    def in_phases(self, *names: str) -> np.ndarray:
        """Per day: is the day in one of the named phases."""
        return np.isin(self.phase, [cat.PHASES.index(n) for n in names])

    def by_phase(self, table: dict[str, float]) -> np.ndarray:
        """Look a per-phase multiplier up for every day."""
        return np.array([table[p] for p in cat.PHASES])[self.phase]

    def weekday_factor(self, factors: tuple[float, ...]) -> np.ndarray:
        """Look a per-weekday multiplier up for every day."""
        return np.asarray(factors)[self.weekday]

    def season(self, season: str) -> np.ndarray:
        """Demand multiplier of a product season for every day."""
        return np.asarray(cat.SEASONS[season])[self.month - 1]

    @property
    def in_festival(self) -> np.ndarray:
        """Warm-up, burst or long tail (not the dip after)."""
        return self.in_phases(*cat.SEED_PHASES)

    @property
    def date_strings(self) -> np.ndarray:
        """`YYYY-MM-DD` per day."""
        return np.datetime_as_string(self.dates, unit="D")

    @property
    def compact_date_strings(self) -> np.ndarray:
        """`YYYYMMDD` per day (the GA4 `event_date` form)."""
        return np.strings.replace(self.date_strings, "-", "")


def _month_day(dates: np.ndarray) -> np.ndarray:
    """Month * 100 + day, for comparing against month-day ranges."""
    months = dates.astype("datetime64[M]")
    day = (dates - months).astype(int) + 1
    month = months.astype(int) % 12 + 1
    return month * 100 + day


def _in_range(md: np.ndarray, first: cat.MonthDay, last: cat.MonthDay) -> np.ndarray:
    return (md >= first[0] * 100 + first[1]) & (md <= last[0] * 100 + last[1])


def first_weekday(weekday: int, on_or_after: date) -> date:
    """The first day with this weekday (Monday = 0) on or after a day."""
    return on_or_after + timedelta(days=(weekday - on_or_after.weekday()) % 7)


def member_day_rule(start: date, days: int) -> tuple[date, date]:
    """(first, last) member day of the window: the rule row the operator's calendar writes (generate/manual.py)
    and the days the simulated shop runs it. It starts on the first member weekday of the window's second
    half, so the window has weeks before it and weeks of it."""
    first = first_weekday(cat.MEMBER_DAY_WEEKDAY, start + timedelta(days=days // 2))
    return first, max(first, start + timedelta(days=days - 1))


def theme_week_start(year: int) -> date:
    """First day of the year's Tmall theme week: the first Monday of August (7 days, `catalog.THEME_WEEK_DAYS`)."""
    return first_weekday(0, date(year, 8, 1))


def _theme_week(dates: np.ndarray) -> np.ndarray:
    years = dates.astype("datetime64[Y]").astype(int) + 1970
    first = np.array([np.datetime64(theme_week_start(int(y)), "D") for y in years], dtype="datetime64[D]")
    return (dates >= first) & (dates < first + cat.THEME_WEEK_DAYS)


def build_calendar(start: date, days: int) -> Calendar:
    """The calendar of the window starting on `start`, `days` long."""
    if days < 1:
        raise ValueError("days must be at least 1")
    dates = np.datetime64(start, "D") + np.arange(days)
    md = _month_day(dates)
    months = dates.astype("datetime64[M]").astype(int)
    phase = np.zeros(days, dtype=np.int8)
    festival = np.full(days, -1, dtype=np.int8)
    for f_index, fest in enumerate(cat.FESTIVALS):
        for name, (first, last) in fest.ranges().items():
            hit = _in_range(md, first, last)
            phase[hit] = cat.PHASES.index(name)
            if name != "after_dip":
                festival[hit] = f_index
    seeding = np.full(days, -1, dtype=np.int8)
    for s_index, period in enumerate(cat.SEEDING_PERIODS):
        seeding[_in_range(md, period.first, period.last)] = s_index
    weekday = (dates.astype(int) + 3) % 7  # 1970-01-01 was a Thursday
    member_first, member_last = (np.datetime64(d, "D") for d in member_day_rule(start, days))
    return Calendar(
        start=start,
        days=days,
        dates=dates,
        weekday=weekday,
        month=months % 12 + 1,
        month_key=months + 1970 * 12,
        phase=phase,
        festival=festival,
        seeding=seeding,
        member_day=(weekday == cat.MEMBER_DAY_WEEKDAY) & (dates >= member_first) & (dates <= member_last),
        theme_week=_theme_week(dates),
    )


def festival_windows(year: int) -> list[tuple[str, str, str, date, date]]:
    """(campaign_id, campaign_name, phase, first, last) of every seed phase in `year`."""
    rows = []
    for fest in cat.FESTIVALS:
        for phase, (first, last) in fest.ranges().items():
            if phase in cat.SEED_PHASES:
                rows.append((f"{fest.key}_{year}", fest.name, phase, date(year, *first), date(year, *last)))
    return rows
