"""The contracts as dbt reads them.

dbt cannot read `src/storeops/contracts/*.yml` itself, so `macros/export_contracts.sql` carries
what the staging macros (macros/staging.sql) need from them: per export its columns (English name,
header, type, required, nullable, amount), natural key, date column, time zone and row rules; and per platform
whose zone keeps one UTC offset all year, that offset (macros/shop_time.sql). The file is
generated from the contracts, never edited by hand: `storeops contracts --write` rewrites it,
`storeops contracts --check` (and a pytest) fail when it is out of date.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storeops.contracts import Column, Contract, RowRule, load_contracts

GENERATED = Path("macros") / "export_contracts.sql"

_HEAD = """\
{#-
    GENERATED from src/storeops/contracts/*.yml by `storeops contracts --write`: do not edit.
    What the staging macros (macros/staging.sql) read from the export contracts, by
    `<platform>__<report>`. pytests/test_contracts.py fails when this file is out of date.
-#}
{% macro export_contracts() -%}
{%- set contracts -%}
"""

_TAIL = """\
{%- endset -%}
{{ return(fromyaml(contracts)) }}
{%- endmacro %}

{#- Hours to add to UTC for each platform's shop time: its contract `timezone`, where that zone keeps
    one offset all year (a zone with daylight saving, or `local`, has none). -#}
{% macro shop_utc_offset_hours() -%}
{{ return(OFFSETS) }}
{%- endmacro %}
"""


def _column(c: Column) -> str:
    fields = [f"name: {c.name}", f"header: '{c.header}'", f"type: {c.type}"]
    fields += [flag for flag, on in (("required: true", c.required), ("nullable: true", c.nullable),
                                     ("amount: true", c.amount), ("planned: true", c.planned)) if on]
    return "      - {" + ", ".join(fields) + "}"


def _rule(r: RowRule) -> str:
    fields = [f"check: {r.check}", f"column: {r.column}"]
    fields += [f"{name}: {value}" for name, value in (("other", r.other), ("when", r.when)) if value]
    if r.values:
        fields.append("values: [" + ", ".join(f"'{v}'" for v in r.values) + "]")
    return "      - {" + ", ".join(fields) + "}"


def _contract(c: Contract) -> list[str]:
    lines = [
        f"{c.key}:",
        f"  timezone: {c.timezone}",
        f"  natural_key: [{', '.join(c.natural_key)}]",
        f"  date_column: {c.date_column}",
        "  columns:",
        *(_column(col) for col in c.columns),
    ]
    if c.rules:
        lines += ["  rules:", *(_rule(r) for r in c.rules)]
    return lines


def fixed_utc_offset_hours(timezone: str) -> int | None:
    """The zone's offset from UTC in whole hours when it is the same in every month of a year, else None."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    seen = {datetime(2024, month, 15, tzinfo=zone).utcoffset() for month in range(1, 13)}
    if len(seen) != 1:
        return None
    seconds = seen.pop().total_seconds()  # type: ignore[union-attr]
    return int(seconds // 3600) if seconds % 3600 == 0 else None


def render(contracts: tuple[Contract, ...] | None = None) -> str:
    """The text of macros/export_contracts.sql for these contracts (default: all)."""
    contracts = contracts or load_contracts()
    lines = [line for c in contracts for line in _contract(c)]
    offsets = {c.platform: fixed_utc_offset_hours(c.timezone) for c in contracts}
    shown = ", ".join(f"'{p}': {h}" for p, h in offsets.items() if h is not None)
    return _HEAD + "\n".join(lines) + "\n" + _TAIL.replace("OFFSETS", "{" + shown + "}")


def is_current(root: Path) -> bool:
    path = root / GENERATED
    return path.is_file() and path.read_text(encoding="utf-8") == render()


def write(root: Path) -> bool:
    """Rewrite the generated file under `root`; True when it changed."""
    if is_current(root):
        return False
    (root / GENERATED).write_text(render(), encoding="utf-8")
    return True
