"""Deterministic demo exports for every platform and report with a contract.

`generate()` writes `out/<platform>/<report>/<platform>_<report>_<YYYY-MM>.csv`
(one file per calendar month; the Tmall member export is one snapshot file
named after the last day) in each platform's own encoding and layout. The same
arguments always give byte-identical files: all randomness flows from one
`numpy.random.SeedSequence(seed)`, split per platform and per step.

Figures agree across exports the way a real shop's do: Sycm's buyers and
amounts are recomputed from the order export, Zhitongche clicks cover Sycm's
paid-search visitors, refunds sum into the orders' 退款金额, every own-shop
purchase event is exactly one paid order. See the platform modules for the
rules each export follows.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
from tqdm import tqdm

from storeops.contracts import load_contracts
from storeops.generate.alibaba import alibaba_exports
from storeops.generate.calendar import Calendar, build_calendar
from storeops.generate.generic import generic_exports
from storeops.generate.made_in_china import made_in_china_exports
from storeops.generate.manual import manual_exports
from storeops.generate.site import site_exports
from storeops.generate.tmall import tmall_exports
from storeops.generate.writer import Export, write_export

__all__ = ["generate"]

Builder = Callable[[np.random.SeedSequence, Calendar, float], list[Export]]
BUILDERS: tuple[tuple[str, Builder], ...] = (
    ("tmall", tmall_exports),
    ("site", site_exports),
    ("alibaba_com", alibaba_exports),
    ("generic", generic_exports),
    ("manual", manual_exports),
    ("made_in_china", made_in_china_exports),
)
"""Platforms in generation order; each gets its own child seed (order matters for reproducibility: a platform
added at the end leaves the others' seeds, and so their files, as they were)."""


def _clear_previous(out: Path, platform: str, report: str) -> None:
    """Delete files an earlier run wrote for this report (only names this generator uses)."""
    pattern = re.compile(rf"{re.escape(platform)}_{re.escape(report)}_\d{{4}}-\d{{2}}(-\d{{2}})?\.csv")
    folder = out / platform / report
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if pattern.fullmatch(path.name):
                path.unlink()


def generate(
    out: Path,
    seed: int = 7,
    scale: float = 1.0,
    start: date = date(2024, 1, 1),
    days: int = 365,
    progress: bool = True,
) -> list[Path]:
    """Write the demo exports of every platform under `out`; return the written paths, sorted.

    `scale` multiplies traffic and buyers (×1: ~190 Tmall paid orders and ~390
    own-shop sessions a day); `start` and `days` set the window (festivals and
    member days recur every year). Files a previous run wrote for the same
    reports are replaced.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    if seed < 0:
        raise ValueError("seed must be non-negative")
    cal = build_calendar(start, days)
    out = Path(out)
    seeds = np.random.SeedSequence(seed).spawn(len(BUILDERS))
    paths: list[Path] = []
    steps = len(BUILDERS) + len(load_contracts())
    with tqdm(total=steps, desc="generate", unit="step", file=sys.stderr, disable=not progress) as bar:
        for (platform, build), child in zip(BUILDERS, seeds):
            paths.extend(_platform(out, platform, build, child, cal, scale, bar))
    return sorted(paths)


def _platform(
    out: Path, platform: str, build: Builder, seed: np.random.SeedSequence, cal: Calendar, scale: float, bar: tqdm
) -> list[Path]:
    """Simulate one platform and write its exports (its arrays are freed on return)."""
    bar.set_postfix_str(f"simulating {platform}")
    exports = build(seed, cal, scale)
    bar.update()
    paths: list[Path] = []
    for export in exports:
        bar.set_postfix_str(f"writing {export.platform}/{export.report}")
        _clear_previous(out, export.platform, export.report)
        paths.extend(write_export(out, export, np.unique(cal.month_key)))
        bar.update()
    return paths
