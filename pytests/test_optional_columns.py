"""Every contract builds from a file holding only its required columns, and from one holding each optional
column alone on top of them (issue: a slim real export must build).

One build covers all of them: for each contract, rows of a small generated demo file are written again as
one file per column subset (required only; required + each optional column), all into one exports folder.
The files repeat the same natural keys, so the later files supersede the earlier ones; the required-only
file is written last, so staging and the marts are built from rows that carry no optional column at all.

Checked on the published warehouse:
- the build (validation, landing, every model, every data test) succeeds;
- every row of every file is landed, and none is rejected (superseded rows are expected);
- in the base model (which keeps every version of a row), the rows of a file carrying an optional column
  have that column's value exactly where the file has one, and the rows of the required-only file have
  every optional column NULL;
- data health names each file's missing columns.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from conftest import run_build, write_export

from storeops.contracts import Contract, load_contracts
from storeops.db import connect
from storeops.discovery import FileCache, discover_exports
from storeops.generate import generate
from storeops.reader import inspect_file, reader_sql

ROWS_PER_FILE = 25
REQUIRED_ONLY = "required_only"


def _demo_rows(contract: Contract, demo: Path, cache: FileCache) -> list[dict[str, str]]:
    """The first rows of the contract's first demo file, as text keyed by contract column name."""
    files = [path for c, path in discover_exports(demo)[0] if c.key == contract.key]
    path = files[0]
    info = inspect_file(contract, path, demo, cache)
    con = connect()
    try:
        rows = con.execute(f"select * from {reader_sql(info)} limit {ROWS_PER_FILE}",
                           {"file": info.source(path)}).fetchall()
    finally:
        con.close()
    out = []
    for row in rows:
        out.append({c.name: (row[info.hmap.by_column[c.header]] or "") for c in contract.columns})
    return out


def _variants(contract: Contract) -> list[tuple[str, list[str]]]:
    """(file stem, column names) for each optional column alone, then the required columns only (last)."""
    required = [c.name for c in contract.columns if c.required]
    optional = [c.name for c in contract.columns if not c.required]
    return [(f"with_{name}", [*required, name]) for name in optional] + [(REQUIRED_ONLY, required)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, list[dict[str, str]]]]]:
    tmp_path = tmp_path_factory.mktemp("optional_columns")
    demo = tmp_path / "demo"
    # scale 0.25: the smallest demo in which every export has rows (the generic shop's service tickets are rare)
    generate(demo, days=20, scale=0.25, progress=False)
    exports = tmp_path / "exports"
    cache = FileCache(tmp_path / "cache")
    written: dict[str, dict[str, list[dict[str, str]]]] = {}
    stamp = 1_700_000_000
    for contract in load_contracts():
        rows = _demo_rows(contract, demo, cache)
        assert rows, f"the demo has no rows for {contract.key}"
        written[contract.key] = {}
        for stem, names in _variants(contract):
            header = [contract.column(n).header for n in names]
            path = write_export(exports, contract.platform, contract.report, f"{stem}.csv", header,
                                [[row[n] for n in names] for row in rows])
            stamp += 10  # landing order is file modification time: the required-only file comes last
            os.utime(path, (stamp, stamp))
            written[contract.key][stem] = [{n: row[n] for n in names} for row in rows]
    done = run_build(tmp_path, exports)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    return tmp_path / "published" / "storeops.duckdb", written


@pytest.mark.parametrize("contract", load_contracts(), ids=lambda c: c.key)
def test_each_column_subset_lands_without_rejects(built, contract: Contract) -> None:
    warehouse, written = built
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        landed = dict(con.execute(
            "select file_path, rows from raw._files where platform = ? and report = ?",
            [contract.platform, contract.report]).fetchall())
        rejected = con.execute(
            "select file_path, reason from quarantine.quarantine_rows "
            "where platform = ? and report = ? and reason_code <> 'superseded' limit 5",
            [contract.platform, contract.report]).fetchall()
    finally:
        con.close()
    expected = {f"{contract.folder}/{stem}.csv": len(rows) for stem, rows in written[contract.key].items()}
    assert landed == expected
    assert rejected == []


@pytest.mark.parametrize("contract", load_contracts(), ids=lambda c: c.key)
def test_optional_values_reach_the_base_model_only_where_the_file_has_them(built, contract: Contract) -> None:
    warehouse, written = built
    optional = [c.name for c in contract.columns if not c.required]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = ", ".join(f'count("{name}")' for name in optional)
        for stem, rows in written[contract.key].items():
            path = f"{contract.folder}/{stem}.csv"
            (found,) = con.execute(
                f"select {counts} from staging.base_{contract.key} where _file_path = ?", [path]).fetchall()
            got = dict(zip(optional, found))
            if stem == REQUIRED_ONLY:
                assert set(got.values()) == {0}, f"{path}: optional columns not NULL: {got}"
                continue
            name = stem.removeprefix("with_")
            present = sum(1 for row in rows if row[name].strip() not in ("", "-", "--"))
            assert got[name] == present, f"{path}: {got[name]} values of {name} in base, {present} in the file"
            assert all(v == 0 for n, v in got.items() if n != name), f"{path}: other optional columns set: {got}"
    finally:
        con.close()


def test_data_health_names_the_missing_columns_of_each_file(built) -> None:
    warehouse, written = built
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "select platform, report, file_path, subject from marts.fct_data_health "
            "where check_name = 'missing_optional_columns'").fetchall()
    finally:
        con.close()
    found = {(p, r, f): set(s.split(", ")) for p, r, f, s in rows}
    for contract in load_contracts():
        optional = {c.header for c in contract.columns if not c.required}
        path = f"{contract.folder}/{REQUIRED_ONLY}.csv"
        assert found[(contract.platform, contract.report, path)] == optional
        name = _variants(contract)[0][0].removeprefix("with_")
        path = f"{contract.folder}/with_{name}.csv"
        assert found[(contract.platform, contract.report, path)] == optional - {contract.column(name).header}


def test_demo_sample_exercises_every_optional_column(built) -> None:
    """The sample rows carry a value in most optional columns, so the checks above are not vacuous."""
    _, written = built
    empty = []
    for key, variants in written.items():
        for stem, rows in variants.items():
            if stem != REQUIRED_ONLY:
                name = stem.removeprefix("with_")
                if not any(row[name].strip() for row in rows):
                    empty.append(f"{key}.{name}")
    total = sum(len(v) - 1 for v in written.values())
    assert len(empty) <= total // 4, f"optional columns with no value in the sample: {empty}"

