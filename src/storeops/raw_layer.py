"""The raw layer's tables: their DDL, and the reset when the exports folder changes.

`raw` holds one table per contract (`raw.<platform>__<report>`): one VARCHAR
column per contract header (the platform's own words), `_extra` (JSON of columns
the contract does not know), and lineage: `_file_path` (relative to the exports
folder), `_file_hash` (SHA-256 of the content), `_file_seq` (landing order: later
= newer export), `_row_number` (1-based data row in the file) and `_loaded_at`.
`raw._files` registers every landed file; `raw._landing_state` remembers the
exports folder raw was landed from. `raw._validation_results` keeps the failing
expectations of each file's latest validation (`record_validation`).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from storeops.contracts import load_contracts

if TYPE_CHECKING:
    from storeops.expectations import ValidationReport

LINEAGE_COLUMNS = {
    "_extra": "varchar",
    "_file_path": "varchar",
    "_file_hash": "varchar",
    "_file_seq": "bigint",
    "_row_number": "bigint",
    "_loaded_at": "timestamp",
}


def q(identifier: str) -> str:
    """Quote an identifier for DuckDB."""
    return '"' + identifier.replace('"', '""') + '"'


def ensure_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create `raw` and one table per contract (empty if it has no files yet).

    A contract that gained a column since the table was made gets it added.
    """
    con.execute("create schema if not exists raw")
    con.execute(
        """
        create table if not exists raw._files (
            file_seq bigint, platform varchar, report varchar, file_path varchar,
            file_hash varchar, encoding varchar, header_line integer, rows bigint,
            bytes bigint, extra_headers varchar, missing_optional varchar,
            modified_at timestamp, landed_at timestamp
        )
        """
    )
    con.execute(
        """
        create table if not exists raw._validation_results (
            exports_root varchar, file_path varchar, file_hash varchar, contract varchar,
            validated_at timestamp, check_name varchar, expectation_type varchar, column_names varchar,
            severity varchar, rejects boolean, mostly_rejected boolean, unexpected_count bigint,
            element_count bigint
        )
        """
    )
    for contract in load_contracts():
        table = f"raw.{q(contract.key)}"
        columns = [f"{q(h)} varchar" for h in contract.headers]
        columns += [f"{name} {kind}" for name, kind in LINEAGE_COLUMNS.items()]
        con.execute(f"create table if not exists {table} ({', '.join(columns)})")
        existing = {
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'raw' and table_name = ?",
                [contract.key],
            ).fetchall()
        }
        for header in contract.headers:
            if header not in existing:
                con.execute(f"alter table {table} add column {q(header)} varchar")


def _empty_incremental_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the tables built from raw by `_file_seq` (the incremental models, macros/incremental.sql).

    They remember the highest `_file_seq` they took in; once raw restarts, an
    empty table makes the next build take in every file again, in full.
    """
    tables = con.execute(
        """
        select distinct c.table_schema, c.table_name
        from information_schema.columns as c
        inner join information_schema.tables as t
            on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
        where c.table_catalog = current_database() and c.column_name = '_file_seq'
            and t.table_type = 'BASE TABLE' and c.table_schema <> 'raw'
        """
    ).fetchall()
    for schema, table in tables:
        con.execute(f"delete from {q(schema)}.{q(table)}")


def reset_if_other_root(con: duckdb.DuckDBPyConnection, root: str) -> str | None:
    """Empty `raw` when it was landed from another exports folder; returns that folder.

    The warehouse always reflects the folder it is pointed at: switching
    STOREOPS_EXPORTS to another folder starts the raw layer afresh.
    """
    con.execute("create table if not exists raw._landing_state (exports_root varchar)")
    row = con.execute("select exports_root from raw._landing_state").fetchone()
    previous = str(row[0]) if row else None
    if previous != root:
        for contract in load_contracts():
            con.execute(f"delete from raw.{q(contract.key)}")
        con.execute("delete from raw._files")
        # the validation results of the other folder's files go with its rows (record_validation keeps the rest)
        con.execute("delete from raw._validation_results where exports_root is distinct from ?", [root])
        _empty_incremental_tables(con)
        con.execute("delete from raw._landing_state")
        con.execute("insert into raw._landing_state values (?)", [root])
    return previous if previous not in (None, root) else None


def record_validation(con: duckdb.DuckDBPyConnection, report: ValidationReport, exports_dir: Path) -> int:
    """Keep the failing expectations of the files `report` validated in `raw._validation_results`, in one
    transaction; returns the rows written.

    A file validated again replaces its rows (by path and by content hash): the table follows each
    file's latest validation, blocked files included. Files validation skipped (already landed) keep theirs, so
    a build with no new files writes nothing. Another exports folder's rows go when landing starts afresh
    (reset_if_other_root), with that folder's raw rows."""
    root = str(exports_dir.resolve())
    validated_at = datetime.now(timezone.utc).replace(tzinfo=None)
    hashes = {f.path: known.sha256 for f in report.files
              if (known := report.known.get(str((exports_dir / f.path).resolve()))) is not None}
    rows = [
        (root, f.path, hashes.get(f.path), f.contract, validated_at, c.check, c.expectation, c.column,
         c.severity, c.rejects, c.mostly_rejected, c.failing, f.rows)
        for f in report.files for c in f.failures
    ]
    ensure_raw_tables(con)
    con.execute("begin transaction")
    try:
        con.execute(
            "delete from raw._validation_results where list_contains($paths, file_path) "
            "or list_contains($hashes, file_hash)",
            {"paths": [f.path for f in report.files], "hashes": list(hashes.values())},
        )
        if rows:
            con.executemany("insert into raw._validation_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            rows)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(rows)
