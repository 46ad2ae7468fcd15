"""The Python text rules (storeops.parse_rules, read by validation and the benchmark's pandas peer) agree
with staging's macros/parsing.sql, the authority on each row. The same strings go to both: the macros run
in DuckDB through `dbt show`, the patterns in Python."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from storeops.parse_rules import NOT_REPORTED, TYPE_PATTERNS
from storeops.settings import load_settings

# strings whose reading both sides must agree on (calendar validity, e.g. 2024-02-30, is staging's alone)
SAMPLES = {
    "integer": ["12", "1,234", "-3", "+7", "12.0", "12.5", "1,23", "abc", "1e3", "007"],
    "decimal": ["12.5", "1,234.50", "-0.25", "1.234,50", "12.", ".5", "3.2%"],
    "money": ["¥1,234.50", "￥12", "-¥12", "¥-12", "1,234.50", "12.5.1", "USD 12", "12 元"],
    "percent": ["3.25%", "120%", "0.0325", "-0.5", "1", "1.0", "0", "00.5", "3.25", "1.5", "1.01", "abc%"],
    "date": ["2024-01-05", "2024/1/5", "20240105", "2024/1/5 0:00", "2024-01-05 00:00:00", "2024-01-05 10:00",
             "05/01/2024", "2024-1-5T00:00:00", "2024-01-05 00:00:00.000", "2024-01-05 00:00:01"],
    "timestamp": ["2024-01-05 10:00:00", "2024/1/5 9:05", "2024-01-05T10:00:00", "2024-01-05", "19970101",
                  "2024-01-05 10:00:00.123", "2024-01-05 10:00:00+08:00", "05/01/2024 10:00", "1997010"],
    "epoch_us": ["1704067200000000", "1704067200", "1704067200000", "abc"],
}


def staging_reads(tmp_path: Path) -> dict[tuple[str, str], bool]:
    """Whether each macro parses each sample (not NULL), run by dbt against the working file."""
    rows = [f"('{t}', '{v}')" for t, values in SAMPLES.items() for v in values]
    checks = " or ".join(
        f"(t = '{t}' and {{{{ storeops.parse_{t}('v') }}}} is not null)" for t in SAMPLES
    )
    sql = f"select t, v, {checks} as parsed from (values {', '.join(rows)}) as samples(t, v)"
    settings = load_settings(REPO)
    if not settings.workfile.exists():
        pytest.fail(f"no working file at {settings.workfile}: `make test` builds it before pytest")
    dbt = str(Path(sys.executable).with_name("dbt"))
    done = subprocess.run(
        [dbt, "show", "--inline", sql, "--limit", "-1", "--output", "json", "--log-format", "json",
         "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")],
        cwd=REPO, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for line in done.stdout.splitlines():
        event = json.loads(line)
        preview = event.get("data", {}).get("preview")
        if preview:
            return {(r["t"], r["v"]): bool(r["parsed"]) for r in json.loads(preview)}
    raise AssertionError("dbt show printed no preview: " + done.stdout[-3000:])


def test_validation_patterns_read_every_sample_as_staging_does(tmp_path: Path) -> None:
    staged = staging_reads(tmp_path)
    assert len(staged) == sum(len(v) for v in SAMPLES.values())
    differ = {
        (t, v): staged[(t, v)]
        for t, values in SAMPLES.items() for v in values
        if bool(re.search(TYPE_PATTERNS[t], v)) != staged[(t, v)]
    }
    assert differ == {}, f"staging's reading where validation's pattern disagrees: {differ}"


def test_not_reported_markers_are_the_macros() -> None:
    macro = (REPO / "macros" / "parsing.sql").read_text(encoding="utf-8")
    found = re.search(r"macro not_reported_markers\(\) -%\}\s*\{\{ return\((\[.*?\])\) \}\}", macro)
    assert found, "not_reported_markers() not found in macros/parsing.sql"
    assert tuple(json.loads(found.group(1).replace("'", '"'))) == NOT_REPORTED
