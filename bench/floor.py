"""The floor: DuckDB reading every raw export once, with the reader options the landing uses.

    python bench/floor.py <exports folder>

For each export file: `storeops.reader.inspect_file` (encoding, header line, columns; not timed in
`scan_seconds`, reported as `inspect_seconds`) then `select count(*)` over `storeops.reader.reader_sql`,
the very reader expression the landing inserts from. Prints one JSON line.

Also measured, as a what-if (`transcoded_gbk_seconds`): the GBK files decoded by Python and written
as UTF-8 to a temporary file, then scanned with the same reader in UTF-8; DuckDB's `encodings`
extension is the slow part of reading them.
"""

from __future__ import annotations

import argparse
import codecs
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import duckdb

from storeops.db import connect
from storeops.discovery import discover_exports
from storeops.reader import Inspection, inspect_file, reader_sql


def count_rows(con: duckdb.DuckDBPyConnection, info: Inspection, path: Path) -> int:
    found = con.execute(f"select count(*) from {reader_sql(info)}", {"file": str(path)}).fetchone()
    return int(found[0]) if found else 0


def transcoded_seconds(con: duckdb.DuckDBPyConnection, info: Inspection, path: Path, scratch: Path) -> float:
    """Python decodes the GBK file and writes it as UTF-8; DuckDB scans that: the time of both."""
    started = time.perf_counter()
    utf8 = scratch / "transcoded.csv"
    decoder = codecs.getincrementaldecoder("gb18030")()
    with path.open("rb") as source, utf8.open("wb") as target:
        for chunk in iter(lambda: source.read(1 << 22), b""):
            target.write(decoder.decode(chunk).encode("utf-8"))
        target.write(decoder.decode(b"", final=True).encode("utf-8"))
    count_rows(con, replace(info, encoding="utf-8"), utf8)
    return time.perf_counter() - started


def floor(exports: Path) -> dict[str, object]:
    files, _ = discover_exports(exports)
    con = connect()
    inspect_seconds = scan_seconds = transcoded = 0.0
    rows = size = 0
    by_encoding: dict[str, dict[str, float]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="storeops-floor-") as scratch:
            for contract, path in files:
                started = time.perf_counter()
                info = inspect_file(contract, path, exports)
                inspect_seconds += time.perf_counter() - started
                size += path.stat().st_size
                if not info.has_rows:
                    continue
                started = time.perf_counter()
                rows += count_rows(con, info, path)
                seconds = time.perf_counter() - started
                scan_seconds += seconds
                share = by_encoding.setdefault(info.encoding, {"files": 0, "bytes": 0, "scan_seconds": 0.0})
                share["files"] += 1
                share["bytes"] += path.stat().st_size
                share["scan_seconds"] = round(share["scan_seconds"] + seconds, 3)
                if info.encoding == "gb18030":
                    transcoded += transcoded_seconds(con, info, path, Path(scratch))
    finally:
        con.close()
    return {"files": len(files), "bytes": size, "rows": rows, "scan_seconds": round(scan_seconds, 3),
            "inspect_seconds": round(inspect_seconds, 3), "by_encoding": by_encoding,
            "transcoded_gbk_seconds": round(transcoded, 3)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("exports", type=Path)
    print(json.dumps(floor(p.parse_args(argv).exports)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
