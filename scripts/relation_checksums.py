"""Checksum every relation of a built warehouse, to prove a refactor changes no rows or values.

    python scripts/relation_checksums.py warehouse/storeops.duckdb > before.json
    ... change the code, build again ...
    python scripts/relation_checksums.py warehouse/storeops.duckdb --compare before.json

Each column's checksum is the sum of the hashes of its values as text (order-free); doubles are rounded
to 6 decimals first (attribution sums are float sums whose last digits vary between builds). Columns
that hold the time of a build (_loaded_at, loaded_at, ...) are left out.
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb

SCHEMAS = ("raw", "staging", "quarantine", "intermediate", "marts", "seeds")
RUN_TIME_COLUMNS = {"_loaded_at", "loaded_at", "landed_at", "built_at", "checked_at"}


def checksums(path: str) -> dict[str, dict]:
    con = duckdb.connect(path, read_only=True)
    relations = con.execute(
        "select table_schema, table_name from information_schema.tables"
        " where table_schema in ? order by 1, 2",
        [list(SCHEMAS)],
    ).fetchall()
    out: dict[str, dict] = {}
    for schema, table in relations:
        columns = con.execute(
            "select column_name, data_type from information_schema.columns"
            " where table_schema = ? and table_name = ? order by ordinal_position",
            [schema, table],
        ).fetchall()
        kept = [(c, t) for c, t in columns if c not in RUN_TIME_COLUMNS]
        exprs = ["count(*)"]
        for name, dtype in kept:
            value = f'"{name}"'
            if dtype in ("DOUBLE", "FLOAT"):
                value = f"round({value}, 6)"
            exprs.append(f"coalesce(sum(hash(coalesce(cast({value} as varchar), '<null>'))::hugeint), 0)::varchar")
        row = con.execute(f'select {", ".join(exprs)} from "{schema}"."{table}"').fetchone()
        out[f"{schema}.{table}"] = {
            "rows": row[0],
            "columns": {name: row[i + 1] for i, (name, _) in enumerate(kept)},
        }
    return out


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    lines = []
    for relation in sorted(set(before) | set(after)):
        if relation not in after:
            lines.append(f"{relation}: gone")
            continue
        if relation not in before:
            lines.append(f"{relation}: new ({after[relation]['rows']} rows)")
            continue
        b, a = before[relation], after[relation]
        if b["rows"] != a["rows"]:
            lines.append(f"{relation}: rows {b['rows']} -> {a['rows']}")
        for column in sorted(set(b["columns"]) | set(a["columns"])):
            if column not in a["columns"]:
                lines.append(f"{relation}.{column}: gone")
            elif column not in b["columns"]:
                lines.append(f"{relation}.{column}: new")
            elif b["columns"][column] != a["columns"][column]:
                lines.append(f"{relation}.{column}: values differ")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--compare", help="a JSON written by an earlier run")
    args = parser.parse_args()
    current = checksums(args.warehouse)
    if not args.compare:
        json.dump(current, sys.stdout, indent=1, ensure_ascii=False)
        return 0
    with open(args.compare, encoding="utf-8") as handle:
        before = json.load(handle)
    lines = compare(before, current)
    same = sum(1 for r in current if r in before and not any(x.startswith(r + ":") or x.startswith(r + ".") for x in lines))
    print(f"{len(current)} relations; {same} identical in rows and every column")
    print("\n".join(lines) if lines else "no differences")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
