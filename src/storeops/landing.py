"""Landing: every row of every export file into `raw.<platform>__<report>`, as text.

Files are found by `storeops.discovery`, read by `storeops.reader` (DuckDB's own
CSV reader) and inserted into the tables of `storeops.raw_layer`, with their
lineage. PII columns are hashed with a salt as they land.

A file is landed once, by content hash: landing the same file again, under any
name, adds nothing. Every file seen is recorded in `raw._files` with its outcome.
A GBK/GB18030 file is landed from its UTF-8 copy (discovery.FileCache), removed
once the file is landed; lineage is that of the original file: `_file_hash` is
the hash of its bytes and `raw._files.encoding` its own encoding.

Landing runs as the first dbt model: `models/landing/landed_files.py` calls
`land_in_dbt`, so that a hand-run `dbt build` lands new files too.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from storeops.contracts import Contract
from storeops.discovery import ExportFileError, FileCache, FileOutcome, discover_exports
from storeops.raw_layer import LINEAGE_COLUMNS, ensure_raw_tables, q, reset_if_other_root
from storeops.reader import HeaderMap, first_line, inspect_file, reader_sql


@dataclass
class LandingReport:
    """Every file seen by one landing run."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def problems(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status in ("rejected", "ignored")]

    def summary(self) -> str:
        rows = sum(o.rows for o in self.outcomes if o.status == "landed")
        return (
            f"landing: {self.count('landed')} file(s) landed ({rows:,} rows), "
            f"{self.count('already_landed')} already landed, "
            f"{self.count('rejected')} rejected, {self.count('ignored')} ignored"
        )


def _select_list(contract: Contract, hmap: HeaderMap) -> list[str]:
    """SQL expressions, in raw-table column order, from positional file columns c0..cN."""
    exprs = []
    for column in contract.columns:
        pos = hmap.by_column.get(column.header)
        if pos is None:
            exprs.append("null")
        elif column.pii:
            value = f"nullif(trim(c{pos}), '')"
            exprs.append(f"case when {value} is null then null else sha256($salt || {value}) end")
        else:
            exprs.append(f"c{pos}")
    if hmap.extras:
        pairs = ", ".join(f"'{h.replace(chr(39), chr(39) * 2)}', c{pos}" for pos, h in hmap.extras)
        exprs.append(f"json_object({pairs})::varchar")
    else:
        exprs.append("null")
    return exprs


def land_file(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    path: Path,
    exports_dir: Path,
    salt: str,
    cache: FileCache,
) -> FileOutcome:
    """Land one file (unless its content was landed before) and record it in raw._files."""
    rel = path.relative_to(exports_dir).as_posix()
    digest = cache.sha256(path)
    seen = con.execute("select file_path from raw._files where file_hash = ?", [digest]).fetchone()
    if seen is not None:
        cache.discard(digest)
        return FileOutcome(rel, "already_landed", message=f"{rel}: same content as {seen[0]}")
    info = inspect_file(contract, path, exports_dir, cache)
    hmap = info.hmap
    seq = con.execute("select coalesce(max(file_seq), 0) + 1 from raw._files").fetchone()
    file_seq = int(seq[0]) if seq else 1
    landed_at = datetime.now(timezone.utc).replace(tzinfo=None)
    target_cols = [q(h) for h in contract.headers] + list(LINEAGE_COLUMNS)
    select = _select_list(contract, hmap)
    sql = f"""
        insert into raw.{q(contract.key)} ({', '.join(target_cols)})
        select {', '.join(select)}, $path, $hash, $seq, row_number() over (), $landed_at
        from {reader_sql(info)}
    """
    params: dict[str, object] = {
        "path": rel, "hash": digest, "seq": file_seq, "landed_at": landed_at, "file": info.source(path)
    }
    if any(c.pii for c in contract.columns if c.header in hmap.by_column):
        params["salt"] = salt
    con.execute("begin transaction")
    try:
        try:
            if info.has_rows:
                con.execute(sql, params)
        except duckdb.Error as exc:
            raise ExportFileError(f"{rel}: DuckDB could not read it: {first_line(exc)}") from exc
        rows_row = con.execute(
            f"select count(*) from raw.{q(contract.key)} where _file_seq = ?", [file_seq]
        ).fetchone()
        rows = int(rows_row[0]) if rows_row else 0
        con.execute(
            "insert into raw._files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                file_seq,
                contract.platform,
                contract.report,
                rel,
                digest,
                info.encoding,
                info.header_line + 1,
                rows,
                path.stat().st_size,
                ", ".join(h for _, h in hmap.extras) or None,
                ", ".join(c.header for c in hmap.missing_optional) or None,
                datetime.fromtimestamp(path.stat().st_mtime),
                landed_at,
            ],
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    cache.discard(digest)
    note = f"{rel}: {rows:,} rows ({info.encoding})"
    if rows == 0:
        note += "; header only, no data rows"
    return FileOutcome(rel, "landed", rows=rows, message=note)


def land(con: duckdb.DuckDBPyConnection, exports_dir: Path, salt: str, cache_dir: Path | None = None) -> LandingReport:
    """Land every new export file under `exports_dir` into `raw`.

    `cache_dir` holds the build's FileCache (validation's scans and UTF-8 copies; see FileCache);
    it is emptied at the end. Without one, a temporary folder serves for this run.
    """
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix="storeops-transcoded-") as scratch:
            return _land(con, exports_dir, salt, FileCache(Path(scratch)))
    cache = FileCache.load(cache_dir)
    try:
        return _land(con, exports_dir, salt, cache)
    finally:
        cache.clear()


def _land(con: duckdb.DuckDBPyConnection, exports_dir: Path, salt: str, cache: FileCache) -> LandingReport:
    ensure_raw_tables(con)
    report = LandingReport()
    previous = reset_if_other_root(con, str(exports_dir.resolve()))
    if previous:
        report.outcomes.append(
            FileOutcome(previous, "reset", message=f"raw was landed from {previous}; started afresh for {exports_dir}")
        )
    files, stray = discover_exports(exports_dir)
    report.outcomes.extend(stray)
    # `_row_number` is the row's position in its file: the scan must keep file order
    # (the build's profile turns preserve_insertion_order off for speed elsewhere)
    setting = con.execute("select current_setting('preserve_insertion_order')").fetchone()
    con.execute("set preserve_insertion_order = true")
    try:
        for contract, path in files:
            try:
                report.outcomes.append(land_file(con, contract, path, exports_dir, salt, cache))
            except ExportFileError as exc:
                rel = path.relative_to(exports_dir).as_posix()
                report.outcomes.append(FileOutcome(rel, "rejected", message=str(exc)))
    finally:
        con.execute(f"set preserve_insertion_order = {'true' if setting and setting[0] else 'false'}")
    return report


def land_in_dbt(session: duckdb.DuckDBPyConnection, keep_going: bool = False) -> duckdb.DuckDBPyRelation:
    """Landing as the first dbt model, so that a hand-run `dbt build` lands new files too.

    Returns the register of every landed file (the model's table). Files that
    cannot be landed fail the model with their names and reasons, unless
    `keep_going` (dbt var `keep_going: true`).
    """
    from storeops.db import load_extensions
    from storeops.settings import load_settings

    settings = load_settings()
    load_extensions(session)
    report = land(session, settings.exports_dir, settings.pii_salt, settings.transcoded_dir)
    if report.problems and not keep_going:
        lines = "\n".join(f"  - {o.message}" for o in report.problems)
        raise ExportFileError(
            f"{len(report.problems)} export file(s) in {settings.exports_dir} could not be landed:\n{lines}\n"
            "Fix or move them, or build from the good files with --vars '{keep_going: true}'."
        )
    return session.sql("select * from raw._files order by file_seq")
