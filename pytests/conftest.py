"""Shared fixtures: real DuckDB files, real export files written to temporary folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from pathlib import Path

import duckdb
import pytest

from storeops.contracts import get_contract
from storeops.db import connect
from storeops.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
STOREOPS = str(Path(sys.executable).with_name("storeops"))
# the generic order export's required columns
GENERIC_HEADER = ["order_id", "customer_id", "ordered_at", "amount"]


def write_export(
    root: Path,
    platform: str,
    report: str,
    name: str,
    header: list[str],
    rows: list[list[str]],
    encoding: str = "utf-8",
    newline: str = "\r\n",
    preamble: list[str] | None = None,
) -> Path:
    """Write a CSV export the way a platform would (quoting cells that need it)."""

    def cell(v: str) -> str:
        return f'"{v}"' if ("," in v or '"' in v) else v

    lines = list(preamble or [])
    lines.append(",".join(cell(h) for h in header))
    lines.extend(",".join(cell(v) for v in row) for row in rows)
    folder = root / platform / report
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def raw_db(tmp_path: Path) -> Callable[[], duckdb.DuckDBPyConnection]:
    """A fresh working file in a temporary folder, opened with storeops' extensions."""
    path = tmp_path / "work.duckdb"

    def open_db() -> duckdb.DuckDBPyConnection:
        return connect(path)

    return open_db


@pytest.fixture
def tmall_orders_header() -> list[str]:
    """The Tmall order export header with the trailing spaces real files carry."""
    c = get_contract("tmall", "orders")
    return [h + " " if h in ("收货地址", "订单付款时间", "联系电话") else h for h in c.headers[:20]]


def storeops_env(tmp_path: Path, exports: Path, warehouse_name: str = "storeops.duckdb") -> dict[str, str]:
    """Environment for a storeops build isolated in tmp_path (the working file goes beside it, in build/)."""
    env = dict(os.environ)
    env.pop("STOREOPS_WORKFILE", None)
    env["STOREOPS_EXPORTS"] = str(exports)
    env["STOREOPS_WAREHOUSE"] = str(tmp_path / "published" / warehouse_name)
    # nothing shared with the repository's own build or another pytest worker (make test runs two)
    env["STOREOPS_DATA_DOCS"] = str(tmp_path / "data_docs")
    env["STOREOPS_TEMP_DIR"] = str(tmp_path / "duckdb_tmp")
    return env


def fingerprint(path: Path) -> dict[str, tuple[int, str]]:
    """Row count and content checksum of every table and view of a published warehouse.

    Doubles are rounded to 9 decimals first: a sum of doubles (attribution weights) is added in no fixed
    order by parallel aggregation, so two builds of the same rows differ in its last bits (DECISIONLOG S1).
    """
    con = duckdb.connect(str(path), read_only=True)
    try:
        relations = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = current_database() order by all"
        ).fetchall()
        out = {}
        for schema, table in relations:
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_catalog = current_database() and table_schema = ? and table_name = ? "
                "order by ordinal_position",
                [schema, table],
            ).fetchall()
            values = ", ".join(
                f'round("{name}", 9)' if dtype in ("DOUBLE", "FLOAT") else f'"{name}"' for name, dtype in columns
            )
            count, checksum = con.execute(
                f'select count(*), coalesce(sum(hash({values})), 0)::varchar from "{schema}"."{table}"'
            ).fetchone()
            out[f"{schema}.{table}"] = (count, checksum)
        return out
    finally:
        con.close()


# dbt arguments for a build whose test is about the pipeline (kills, incremental runs), not about the data: no
# data tests and no unit tests. make test's own build and the other tests' builds run every data test
MODELS_ONLY = ("--exclude-resource-type", "test", "unit_test")


def build_command(tmp_path: Path, *storeops_args: str, dbt_args: Sequence[str] = ()) -> list[str]:
    """`storeops build` with dbt's target/ and logs/ in tmp_path (the repository's stay untouched)."""
    return [STOREOPS, "build", *storeops_args, "--", "--target-path", str(tmp_path / "target"),
            "--log-path", str(tmp_path / "logs"), *dbt_args]


def run_build(tmp_path: Path, exports: Path, *storeops_args: str, dbt_args: Sequence[str] = (),
              warehouse_name: str = "storeops.duckdb") -> subprocess.CompletedProcess[str]:
    """An isolated `storeops build` of `exports` into tmp_path/published; returns the finished process."""
    return subprocess.run(build_command(tmp_path, *storeops_args, dbt_args=dbt_args), cwd=REPO,
                          env=storeops_env(tmp_path, exports, warehouse_name), capture_output=True, text=True)


@pytest.fixture(scope="module")
def wh() -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse `make test` built and published before pytest, read-only (the mart tests read it)."""
    path = load_settings().warehouse
    if not path.exists():
        pytest.fail(f"no published warehouse at {path}: `make test` builds it before pytest")
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def dbt_show(tmp_path: Path, sql: str) -> list[dict[str, Any]]:
    """Rows of an inline query through `dbt show` (the project's macros, real DuckDB)."""
    exports = tmp_path / "exports"
    exports.mkdir(exist_ok=True)
    env = storeops_env(tmp_path, exports)
    (tmp_path / "work").mkdir(exist_ok=True)
    env["STOREOPS_WORKFILE"] = str(tmp_path / "work" / "storeops.duckdb")
    done = subprocess.run([str(Path(STOREOPS).with_name("dbt")), "show", "--inline", sql, "--limit", "-1", "--output",
                           "json", "--log-format", "json", "--target-path", str(tmp_path / "target"),
                           "--log-path", str(tmp_path / "logs")], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    for line in done.stdout.splitlines():
        data = json.loads(line).get("data", {})
        if "preview" in data:
            return json.loads(data["preview"])
    raise AssertionError(done.stdout[-3000:])
