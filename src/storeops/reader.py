"""The reader: how an export file becomes rows of text.

A file is inspected against its contract before it is read (`inspect_file`):
its encoding (told by the build's FileCache, or detected here), the line holding
its header (Sycm exports carry title lines above it), and which of its columns
are which contract columns (missing required columns are fatal). `reader_sql` is
then DuckDB's own reader over the file (`read_csv`, or `read_xlsx` for Excel
workbooks), every column as text named c0..cN. Landing inserts from it;
validation and the benchmark read through it too.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import duckdb

from storeops.contracts import Column, Contract
from storeops.discovery import ExportFileError, FileCache, undecodable_error

XLSX_HEAD_RANGE = "A1:CZ12"  # the first 12 rows, up to 104 columns, where the header is looked for
HEADER_SEARCH_LINES = 12


def first_line(exc: BaseException) -> str:
    """The first line of an error message (DuckDB's carry pages of hints)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def detect_encoding(path: Path) -> str:
    """`utf-8` (with or without BOM) when the whole file decodes as UTF-8, else `gb18030`.

    GB18030 is a superset of GBK and GB2312, which Tmall's back-end writes.
    An Excel workbook is `xlsx` (read by DuckDB's excel extension).
    """
    if path.suffix.lower() == ".xlsx":
        return "xlsx"
    decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8")()
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
        raise undecodable_error(exc.start) from exc
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
