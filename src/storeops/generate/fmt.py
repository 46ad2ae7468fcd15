"""Vectorised text formatting of numbers, dates and times as the back-ends write them.

Money is carried as integer cents everywhere in the generator and formatted
here; times are integer seconds since the window's first midnight (local time
of the platform), with `NO_TIME` for "not happened".
"""

from __future__ import annotations

from datetime import date

import numpy as np

NO_TIME = np.iinfo(np.int64).min
"""Sentinel for a missing time (e.g. an unpaid order's payment time)."""
NOT_REPORTED = "--"


def _join(*parts: np.ndarray | str) -> np.ndarray:
    """Element-wise string concatenation."""
    out = np.asarray(parts[0])
    for p in parts[1:]:
        out = np.strings.add(out, p)
    return out


def padded(values: np.ndarray, width: int) -> np.ndarray:
    """Non-negative integers as text, zero-padded to `width` (empty input allowed)."""
    text = np.asarray(values, dtype=np.int64).astype(str)
    return np.strings.zfill(text, width) if text.size else text.astype(f"<U{width}")


def _replace(text: np.ndarray, old: str, new: str) -> np.ndarray:
    """`np.strings.replace` that also accepts empty input."""
    return np.strings.replace(text, old, new) if text.size else text


def _thousands(units: np.ndarray) -> np.ndarray:
    """Non-negative integers with `,` every three digits."""
    groups = [(units // 10**k) % 1000 for k in (0, 3, 6)]
    g0, g1, g2 = (g.astype(str) for g in groups)
    p0, p1, p2 = (padded(g, 3) for g in groups)
    top = (units // 10**9).astype(str)
    return np.where(
        units >= 10**9,
        _join(top, ",", p2, ",", p1, ",", p0),
        np.where(units >= 10**6, _join(g2, ",", p1, ",", p0), np.where(units >= 1000, _join(g1, ",", p0), g0)),
    )


def money(cents: np.ndarray, thousands: bool = False) -> np.ndarray:
    """Cents as `1234.50`, or `1,234.50` with thousands separators."""
    cents = np.asarray(cents, dtype=np.int64)
    if (cents < 0).any():
        raise ValueError("negative money")
    units = cents // 100
    whole = _thousands(units) if thousands else units.astype(str)
    return _join(whole, ".", padded(cents % 100, 2))


def fixed(values: np.ndarray, decimals: int = 2) -> np.ndarray:
    """Non-negative numbers with a fixed number of decimals."""
    scaled = np.rint(np.asarray(values, dtype=float) * 10**decimals).astype(np.int64)
    whole = (scaled // 10**decimals).astype(str)
    if decimals == 0:
        return whole
    return _join(whole, ".", padded(scaled % 10**decimals, decimals))


def ratio(num: np.ndarray, den: np.ndarray, decimals: int = 2, percent: bool = False) -> np.ndarray:
    """Ratio num / den to fixed decimals (`3.25%` when `percent`), `--` when den is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    value = np.divide(num, den, out=np.zeros_like(num), where=den > 0) * (100 if percent else 1)
    text = fixed(value, decimals)
    if percent:
        text = np.strings.add(text, "%")
    return np.where(den > 0, text, NOT_REPORTED)


def money_ratio(num_cents: np.ndarray, den: np.ndarray, thousands: bool = False) -> np.ndarray:
    """A money amount per unit (e.g. CPC, AOV) as money text, `--` when den is 0."""
    den = np.asarray(den, dtype=float)
    per = np.rint(np.divide(np.asarray(num_cents, dtype=float), den, out=np.zeros_like(den), where=den > 0))
    return np.where(den > 0, money(per.astype(np.int64), thousands), NOT_REPORTED)


def integer(values: np.ndarray) -> np.ndarray:
    """Integers as text."""
    return np.asarray(values).astype(np.int64).astype(str)


def day_strings(start: date, day_index: np.ndarray, compact: bool = False) -> np.ndarray:
    """`YYYY-MM-DD` (or `YYYYMMDD`) of day offsets from `start`."""
    text = np.datetime_as_string(np.datetime64(start, "D") + np.asarray(day_index), unit="D")
    return _replace(text, "-", "") if compact else text


def timestamps(start: date, seconds: np.ndarray) -> np.ndarray:
    """`YYYY-MM-DD HH:MM:SS` of second offsets from `start` midnight; empty for `NO_TIME`."""
    seconds = np.asarray(seconds, dtype=np.int64)
    missing = seconds == NO_TIME
    stamps = np.datetime64(start, "s") + np.where(missing, 0, seconds).astype("timedelta64[s]")
    text = _replace(np.datetime_as_string(stamps, unit="s"), "T", " ")
    return np.where(missing, "", text)


def epoch_seconds(start: date, utc_offset_hours: int) -> int:
    """Unix time of `start` midnight in a zone `utc_offset_hours` east of UTC."""
    midnight = np.datetime64(start, "s").astype(np.int64)
    return int(midnight) - utc_offset_hours * 3600
