"""Finding export files, and what one build learns about each of them.

Export files live under `<platform>/<report>/` in the exports folder, one folder
per contract; anything else there is reported as ignored (`discover_exports`).

Each file is read once per build to hash it and tell its encoding (FileCache:
validation's scans are reused by landing and the post-build check). A GBK/GB18030
file is transcoded once, by Python, to a UTF-8 copy in the cache folder
(`<sha256>.csv`) that validation and landing read with DuckDB's UTF-8 reader (far
faster than its encodings extension); landing removes the copy once the file is
landed. Lineage is that of the original file: its hash is the hash of its bytes.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from storeops.contracts import Contract, load_contracts

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
CHUNK = 1 << 22  # bytes read at a time: hashing and transcoding hold no more than a few chunks


class ExportFileError(Exception):
    """A file that cannot be landed; the message names the file and the problem."""


@dataclass
class FileOutcome:
    """What happened to one file."""

    path: str
    status: str  # landed | already_landed | rejected | ignored | reset
    rows: int = 0
    message: str = ""


def undecodable_error(offset: int) -> ExportFileError:
    """The error for a file that is neither UTF-8 nor GBK/GB18030, naming the first bad byte."""
    return ExportFileError(
        f"neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset {offset}); "
        "save the export as CSV in UTF-8 or GBK"
    )


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
                    raise undecodable_error(offset - pending + exc.start) from exc
                offset += len(chunk)
            try:
                out.write(decoder.decode(b"", final=True).encode("utf-8"))
            except UnicodeDecodeError as exc:
                raise undecodable_error(offset - len(decoder.getstate()[0]) + exc.start) from exc
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


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
        """The file's content hash (see `scan`)."""
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


def exports_present(exports_dir: Path, suffixes: Iterable[str] = SUPPORTED_SUFFIXES) -> bool:
    """True when the exports folder holds at least one export file."""
    if not exports_dir.is_dir():
        return False
    return any(p.suffix.lower() in suffixes for p in exports_dir.rglob("*") if p.is_file())
