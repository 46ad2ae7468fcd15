"""Landing: every row of every export file into `raw.<platform>__<report>`, as text.

Files are read by DuckDB's own CSV reader. Each raw table has one VARCHAR column
per contract header (the platform's own words), `_extra` (JSON of columns the
contract does not know), and lineage: `_file_path` (relative to the exports
folder), `_file_hash` (SHA-256 of the content), `_file_seq` (landing order:
later = newer export), `_row_number` (1-based data row in the file) and
`_loaded_at`. PII columns are hashed with a salt as they land.

A file is landed once, by content hash: landing the same file again, under any
name, adds nothing. Every file seen is recorded in `raw._files` with its outcome.

Each file is read once per build to hash it and tell its encoding (FileCache:
validation's scans are reused by landing and the post-build check). A GBK/GB18030
file is transcoded once, by Python, to a UTF-8 copy beside the working file
(`transcoded/<sha256>.csv`) that validation and landing read with DuckDB's UTF-8
reader (far faster than its encodings extension); the copy is removed once the
file is landed. Lineage is that of the original file: `_file_hash` is the hash of
its bytes and `raw._files.encoding` its own encoding.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from storeops.contracts import Column, Contract, load_contracts

LINEAGE_COLUMNS = {
    "_extra": "varchar",
    "_file_path": "varchar",
    "_file_hash": "varchar",
    "_file_seq": "bigint",
    "_row_number": "bigint",
    "_loaded_at": "timestamp",
}
SUPPORTED_SUFFIXES = (".csv", ".xlsx")
XLSX_HEAD_RANGE = "A1:CZ12"  # the first 12 rows, up to 104 columns, where the header is looked for
HEADER_SEARCH_LINES = 12


class ExportFileError(Exception):
    """A file that cannot be landed; the message names the file and the problem."""


@dataclass
class FileOutcome:
    """What happened to one file."""

    path: str
    status: str  # landed | already_landed | rejected | ignored | reset
    rows: int = 0
    message: str = ""


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


def first_line(exc: BaseException) -> str:
    """The first line of an error message (DuckDB's carry pages of hints)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


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


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


CHUNK = 1 << 22  # bytes read at a time: hashing and transcoding hold no more than a few chunks


@dataclass(frozen=True)
class KnownFile:
    """One read of an export file: its content hash and encoding, valid while its size and mtime hold."""

    size: int
    mtime_ns: int
    sha256: str
    encoding: str  # utf-8 | gb18030 (not UTF-8: GB18030 or undecodable, told by transcoding) | xlsx


def scan_file(path: Path) -> KnownFile:
    """Hash a file and tell whether it is UTF-8, in one read."""
    stat = path.stat()
    digest = hashlib.sha256()
    is_xlsx = path.suffix.lower() == ".xlsx"
    decoder = None if is_xlsx else codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
            if decoder is not None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    decoder = None
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            decoder = None
    encoding = "xlsx" if is_xlsx else ("utf-8" if decoder is not None else "gb18030")
    return KnownFile(stat.st_size, stat.st_mtime_ns, digest.hexdigest(), encoding)


def transcode_gb18030(path: Path, target: Path) -> None:
    """Write a GBK/GB18030 file as UTF-8, chunk by chunk; the target appears whole or not at all."""
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    decoder = codecs.getincrementaldecoder("gb18030")()
    offset = 0
    try:
        with path.open("rb") as source, partial.open("wb") as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                pending = len(decoder.getstate()[0])
                try:
                    out.write(decoder.decode(chunk).encode("utf-8"))
                except UnicodeDecodeError as exc:
                    raise _undecodable(offset - pending + exc.start) from exc
                offset += len(chunk)
            try:
                out.write(decoder.decode(b"", final=True).encode("utf-8"))
            except UnicodeDecodeError as exc:
                raise _undecodable(offset - len(decoder.getstate()[0]) + exc.start) from exc
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _undecodable(offset: int) -> ExportFileError:
    return ExportFileError(
        f"neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset {offset}); "
        "save the export as CSV in UTF-8 or GBK"
    )


class FileCache:
    """What one build learns about the export files, so that each is read once.

    `scan` hashes a file (and tells whether it is UTF-8) once: validation's
    scans are written to `files.json` in the cache folder for landing (run by
    dbt, in another process) and for the post-build check. A file whose size
    or modification time changed since is scanned again. A GBK/GB18030 file
    is transcoded once to `<sha256>.csv` in UTF-8, which validation and
    landing read instead of the file itself; landing removes the copy once
    the file is landed and empties the folder when it is done.
    """

    MANIFEST = "files.json"

    def __init__(self, folder: Path, known: dict[str, KnownFile] | None = None) -> None:
        self.folder = folder
        self.known: dict[str, KnownFile] = dict(known or {})

    @classmethod
    def load(cls, folder: Path) -> FileCache:
        """The cache of a folder, with the scans a validation left there (if any)."""
        try:
            entries = json.loads((folder / cls.MANIFEST).read_text(encoding="utf-8"))
            known = {path: KnownFile(**fields) for path, fields in entries.items()}
        except (OSError, ValueError, TypeError):
            known = {}
        return cls(folder, known)

    def save(self) -> None:
        """Write the scans so far for landing."""
        self.folder.mkdir(parents=True, exist_ok=True)
        entries = {path: vars(known) for path, known in self.known.items()}
        partial = self.folder / f"{self.MANIFEST}.{os.getpid()}.partial"
        partial.write_text(json.dumps(entries), encoding="utf-8")
        partial.replace(self.folder / self.MANIFEST)

    def scan(self, path: Path) -> KnownFile:
        """The file's hash and encoding, read from it unless known and unchanged."""
        key = str(path.resolve())
        known = self.known.get(key)
        stat = path.stat()
        if known is None or (known.size, known.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            known = self.known[key] = scan_file(path)
        return known

    def sha256(self, path: Path) -> str:
        return self.scan(path).sha256

    def utf8_copy(self, path: Path) -> Path | None:
        """The UTF-8 copy of a GBK/GB18030 file (made on first use); None for UTF-8 and .xlsx files."""
        known = self.scan(path)
        if known.encoding != "gb18030":
            return None
        copy = self.folder / f"{known.sha256}.csv"
        if not copy.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            transcode_gb18030(path, copy)
        return copy

    def discard(self, sha256: str) -> None:
        """Remove a landed file's UTF-8 copy."""
        (self.folder / f"{sha256}.csv").unlink(missing_ok=True)

    def clear(self) -> None:
        """Remove the folder: every copy and the saved scans."""
        shutil.rmtree(self.folder, ignore_errors=True)


def detect_encoding(path: Path) -> str:
    """`utf-8` (with or without BOM) when the whole file decodes as UTF-8, else `gb18030`.

    GB18030 is a superset of GBK and GB2312, which Tmall's back-end writes.
    An Excel workbook is `xlsx` (read by DuckDB's excel extension).
    """
    if path.suffix.lower() == ".xlsx":
        return "xlsx"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    decoder = codecs.getincrementaldecoder("gb18030")()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ExportFileError(
            f"neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset {exc.start}); "
            "save the export as CSV in UTF-8 or GBK"
        ) from exc
    return "gb18030"


def _excel_column(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _read_xlsx_head(path: Path) -> list[list[str]]:
    from storeops.db import connect

    con = connect()
    try:
        rows = con.execute(
            f"select * from read_xlsx(?, header = false, all_varchar = true, range = '{XLSX_HEAD_RANGE}', "
            "stop_at_empty = false)",
            [str(path)],
        ).fetchall()
    except duckdb.Error as exc:
        raise ExportFileError(f"not a readable .xlsx workbook ({exc})") from exc
    finally:
        con.close()
    out = []
    for row in rows:
        cells = ["" if v is None else str(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        out.append(cells)
    return out


def read_head(path: Path, encoding: str, lines: int = HEADER_SEARCH_LINES) -> list[list[str]]:
    """The first lines of a file, split as CSV (or the first rows of an .xlsx sheet)."""
    if encoding == "xlsx":
        return _read_xlsx_head(path)[:lines]
    with path.open("rb") as fh:
        head = fh.read(256 * 1024)
    text = head.decode("gb18030" if encoding == "gb18030" else "utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    out: list[list[str]] = []
    for row in reader:
        out.append(row)
        if len(out) >= lines:
            break
    return out


def find_header(rows: list[list[str]], contract: Contract) -> tuple[int, list[str]]:
    """The line holding the header: the one naming the most contract columns.

    Sycm exports saved from the back-end carry a few lines of title and date
    range above the header; those lines are skipped.
    """
    best, best_hits = -1, 0
    for i, row in enumerate(rows):
        hits = sum(1 for cell in row if contract.match_header(cell) is not None)
        if hits > best_hits:
            best, best_hits = i, hits
    if best < 0:
        shown = ", ".join(rows[0][:8]) if rows else "(nothing)"
        raise ExportFileError(
            f"no header line naming any {contract.platform}/{contract.report} column "
            f"in the first {HEADER_SEARCH_LINES} lines (first line: {shown}); "
            f"expected headers such as {', '.join(contract.headers[:6])}"
        )
    return best, rows[best]


@dataclass(frozen=True)
class HeaderMap:
    """How one file's columns map onto a contract."""

    by_column: dict[str, int]  # contract header -> position in the file
    extras: list[tuple[int, str]]  # (position, header) of columns the contract does not know
    missing_optional: list[Column]


def map_headers(contract: Contract, header: list[str], file_label: str) -> HeaderMap:
    """Match a file's header cells to contract columns; missing required columns are fatal."""
    by_column: dict[str, int] = {}
    extras: list[tuple[int, str]] = []
    for pos, cell in enumerate(header):
        column = contract.match_header(cell)
        if column is None or column.header in by_column:
            if cell.strip():
                extras.append((pos, cell.strip()))
            continue
        by_column[column.header] = pos
    missing_required = [c for c in contract.required if c.header not in by_column]
    if missing_required:
        names = ", ".join(
            f"{c.header} ({c.name}" + (f"; also accepted: {'/'.join(c.aliases)})" if c.aliases else ")")
            for c in missing_required
        )
        found = ", ".join(h.strip() for h in header if h.strip())
        raise ExportFileError(
            f"{file_label}: missing required column(s) {names}; the file's header has: {found}"
        )
    missing_optional = [c for c in contract.columns if c.header not in by_column and not c.required]
    return HeaderMap(by_column, extras, missing_optional)


def discover_exports(exports_dir: Path) -> tuple[list[tuple[Contract, Path]], list[FileOutcome]]:
    """Export files under `<platform>/<report>/`, oldest first; stray files reported."""
    known = {c.folder: c for c in load_contracts()}
    found: list[tuple[Contract, Path]] = []
    stray: list[FileOutcome] = []
    if not exports_dir.is_dir():
        return found, stray
    for path in sorted(p for p in exports_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(exports_dir)
        if path.name.startswith(".") or path.name.lower() in ("readme.md", "readme.txt"):
            continue
        folder = rel.parent.as_posix()
        contract = known.get(folder)
        if contract is None:
            expected = ", ".join(sorted(known))
            stray.append(
                FileOutcome(
                    rel.as_posix(),
                    "ignored",
                    message=f"{rel}: not in a known export folder; expected one of {expected}",
                )
            )
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            stray.append(
                FileOutcome(
                    rel.as_posix(),
                    "ignored",
                    message=f"{rel}: not a .csv or .xlsx export (save the report as CSV or Excel .xlsx)",
                )
            )
        else:
            found.append((contract, path))
    found.sort(key=lambda cp: (cp[1].stat().st_mtime_ns, cp[1].as_posix()))
    return found, stray


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


@dataclass(frozen=True)
class Inspection:
    """What landing needs to know about a file before reading it."""

    rel: str
    encoding: str
    header_line: int  # 0-based line index of the header
    header: list[str]
    hmap: HeaderMap
    has_rows: bool  # False for a header-only export (DuckDB's reader is not called on it)
    transcoded: Path | None = None  # the UTF-8 copy of a GBK/GB18030 file, read instead of it

    def source(self, path: Path) -> str:
        """The file DuckDB's reader reads (`$file`): the UTF-8 copy if there is one, else the file."""
        return str(self.transcoded or path)


def reader_sql(info: Inspection) -> str:
    """DuckDB's reader over one file, every column as text named c0..cN; the path is `$file`.

    With a UTF-8 copy (`info.transcoded`, passed as `$file`: `info.source(path)`) the reader reads
    UTF-8; without, it reads the file in its own encoding (DuckDB's encodings extension for GBK).
    """
    if info.encoding == "xlsx":
        last = _excel_column(len(info.header) - 1)
        names = ", ".join(f'"{_excel_column(i)}" as c{i}' for i in range(len(info.header)))
        return (
            f"(select {names} from read_xlsx($file, header = false, all_varchar = true, "
            f"range = 'A{info.header_line + 2}:{last}1048576', stop_at_empty = true))"
        )
    typed = ", ".join(f"'c{i}': 'varchar'" for i in range(len(info.header)))
    encoding = "utf-8" if info.transcoded else info.encoding
    return f"""read_csv($file, header = false, skip = {info.header_line + 1}, columns = {{{typed}}},
                      delim = ',', quote = '"', escape = '"', encoding = '{encoding}',
                      null_padding = true, strict_mode = false, all_varchar = true, auto_detect = false)"""


def inspect_file(contract: Contract, path: Path, exports_dir: Path, cache: FileCache | None = None) -> Inspection:
    """Check a file against its contract without landing it; raises ExportFileError.

    With a cache, the file's scan comes from it and a GBK/GB18030 file is read through its UTF-8
    copy; without, the encoding is detected here and DuckDB reads the file as it is.
    """
    rel = path.relative_to(exports_dir).as_posix()
    if path.stat().st_size == 0:
        raise ExportFileError(f"{rel}: empty file (0 bytes); re-download the export")
    transcoded = None
    try:
        if cache is None:
            encoding = detect_encoding(path)
            head = read_head(path, encoding)
        else:
            encoding = cache.scan(path).encoding
            transcoded = cache.utf8_copy(path)
            head = read_head(transcoded or path, "utf-8" if transcoded else encoding)
        header_line, header = find_header(head, contract)
    except ExportFileError as exc:
        raise ExportFileError(f"{rel}: {exc}") from exc
    has_rows = any(any(cell.strip() for cell in row) for row in head[header_line + 1:])
    hmap = map_headers(contract, header, rel)
    return Inspection(rel, encoding, header_line, header, hmap, has_rows, transcoded)


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


def _reset_if_other_root(con: duckdb.DuckDBPyConnection, root: str) -> str | None:
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
        _empty_incremental_tables(con)
        con.execute("delete from raw._landing_state")
        con.execute("insert into raw._landing_state values (?)", [root])
    return previous if previous not in (None, root) else None


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
    previous = _reset_if_other_root(con, str(exports_dir.resolve()))
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


def exports_present(exports_dir: Path, suffixes: Iterable[str] = SUPPORTED_SUFFIXES) -> bool:
    """True when the exports folder holds at least one export file."""
    if not exports_dir.is_dir():
        return False
    return any(p.suffix.lower() in suffixes for p in exports_dir.rglob("*") if p.is_file())

