"""Write export tables as the platforms' back-ends do: one CSV per calendar month.

A generator hands over an `Export`: the month of each row (rows sorted by it)
and a `render` function that formats a slice of rows as text, keyed by the
contract's English column names. The writer checks the columns against the
contract, puts the platform's headers on (with the real files' trailing-space
quirks) and writes each month with the platform's encoding and line ends.
Rendering month by month keeps memory flat for the large event export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from storeops.contracts import get_contract
from storeops.generate import catalog as cat

Columns = dict[str, np.ndarray]


@dataclass(frozen=True)
class Export:
    """Rows of one platform/report, ready to be written."""

    platform: str
    report: str
    month_key: np.ndarray
    """year * 12 + month - 1 per row, ascending"""
    render: Callable[[slice], Columns]
    snapshot: str | None = None
    """`YYYY-MM-DD`: write a single snapshot file named after that day instead of monthly files"""

    def __post_init__(self) -> None:
        if len(self.month_key) and (np.diff(self.month_key) < 0).any():
            raise ValueError(f"{self.platform}/{self.report}: rows are not sorted by month")


def table_export(
    platform: str, report: str, month_key: np.ndarray, columns: Columns, snapshot: str | None = None
) -> Export:
    """An export whose text columns are all computed already; rows are sorted by month here (stable)."""
    month_key = np.asarray(month_key)
    if (np.diff(month_key) < 0).any():
        order = np.argsort(month_key, kind="stable")
        month_key, columns = month_key[order], {name: np.asarray(v)[order] for name, v in columns.items()}
    return Export(platform, report, month_key, lambda sl: {k: v[sl] for k, v in columns.items()}, snapshot)


def headers(platform: str, report: str) -> list[str]:
    """The header line the platform writes for a report, quirks included."""
    padded = cat.TRAILING_SPACE_HEADERS.get((platform, report), frozenset())
    return [f"{c.header} " if c.header in padded else c.header for c in get_contract(platform, report).columns]


def file_name(platform: str, report: str, suffix: str) -> str:
    """`<platform>_<report>_<suffix>.csv`."""
    return f"{platform}_{report}_{suffix}.csv"


def _month_label(month_key: int) -> str:
    return f"{month_key // 12:04d}-{month_key % 12 + 1:02d}"


def _frame(export: Export, sl: slice) -> pd.DataFrame:
    contract = get_contract(export.platform, export.report)
    columns = export.render(sl)
    expected = [c.name for c in contract.columns]
    if list(columns) != expected:
        raise ValueError(f"{contract.key}: columns {list(columns)} differ from the contract's {expected}")
    frame = pd.DataFrame(columns, copy=False)
    frame.columns = headers(export.platform, export.report)
    return frame


def _write(frame: pd.DataFrame, path: Path, layout: cat.Layout) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding=layout.encoding, lineterminator=layout.newline)
    return path


def write_export(out: Path, export: Export, window_months: np.ndarray) -> list[Path]:
    """Write the export's files under `out/<platform>/<report>/`; return their paths.

    One file per calendar month of the window (header only when the month has
    no rows), or one snapshot file.
    """
    layout = cat.LAYOUTS[export.platform]
    folder = out / export.platform / export.report
    if export.snapshot is not None:
        path = folder / file_name(export.platform, export.report, export.snapshot)
        return [_write(_frame(export, slice(0, len(export.month_key))), path, layout)]
    if not np.isin(export.month_key, window_months).all():
        raise ValueError(f"{export.platform}/{export.report}: rows outside the window's months")
    bounds = np.searchsorted(export.month_key, np.append(window_months, window_months[-1] + 1))
    paths = []
    for month, lo, hi in zip(window_months.tolist(), bounds[:-1].tolist(), bounds[1:].tolist()):
        path = folder / file_name(export.platform, export.report, _month_label(month))
        paths.append(_write(_frame(export, slice(lo, hi)), path, layout))
    return paths
