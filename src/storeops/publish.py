"""Publishing: copy the finished working file to the published warehouse by atomic rename.

DuckDB allows one writer or many readers per file, never both. dbt builds into
a working file; publishing checkpoints it, copies it next to the published file,
checks the copy opens, and renames it over the published file. A BI tool that
holds the old file open keeps reading the old version; new connections see the
new one. Marts are also written as Parquet under `<warehouse folder>/marts/`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

PUBLISHED_SCHEMAS = ("raw", "staging", "quarantine", "intermediate", "marts", "seeds")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_opens(path: Path) -> int:
    """Open a published candidate read-only and count its tables; raise if unreadable."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute(
            "select count(*) from information_schema.tables where table_schema in "
            f"({', '.join(repr(s) for s in PUBLISHED_SCHEMAS)})"
        ).fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def _write_marts_parquet(con: duckdb.DuckDBPyConnection, marts_dir: Path) -> list[str]:
    """Every table in schema `marts` as `<marts_dir>/<table>.parquet`, each replaced atomically."""
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts' and table_type = 'BASE TABLE' order by 1"
        ).fetchall()
    ]
    marts_dir.mkdir(parents=True, exist_ok=True)
    for table in tables:
        tmp = marts_dir / f".{table}.parquet.tmp-{os.getpid()}"
        con.execute(f"copy marts.\"{table}\" to '{tmp}' (format parquet)")
        os.replace(tmp, marts_dir / f"{table}.parquet")
    return tables


def publish(workfile: Path, warehouse: Path, marts_dir: Path | None = None) -> str:
    """Publish `workfile` as `warehouse`; returns a one-line summary."""
    if not workfile.is_file():
        raise SystemExit(f"storeops publish: no working file at {workfile}; run `make build` first.")
    con = duckdb.connect(str(workfile))
    try:
        con.execute("checkpoint")
        tables = _write_marts_parquet(con, marts_dir) if marts_dir else []
    finally:
        con.close()
    wal = workfile.with_name(workfile.name + ".wal")
    if wal.exists():
        raise SystemExit(f"storeops publish: {wal} still exists after a checkpoint; is dbt still running?")
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in warehouse.parent.glob(f".{warehouse.name}.tmp-*"):  # left by a publish that was killed
        stale.unlink(missing_ok=True)
    tmp = warehouse.with_name(f".{warehouse.name}.tmp-{os.getpid()}")
    try:
        shutil.copyfile(workfile, tmp)
        _fsync(tmp)
        count = _check_opens(tmp)
        os.replace(tmp, warehouse)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync(warehouse.parent)
    parquet = f", {len(tables)} mart(s) as Parquet in {marts_dir}" if tables else ""
    return f"published {warehouse} ({count} tables and views{parquet})"
