"""The build: generate (if the exports folder is empty), validate, dbt build (which lands), publish.

Validation runs in a child process, so that the memory it takes (pandas frames, Great Expectations)
is back with the operating system before dbt starts.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from storeops.db import connect
from storeops.expectations import ValidationReport, landed_hashes, validate_exports
from storeops.landing import SUPPORTED_SUFFIXES, FileCache, LandingReport, exports_present, land
from storeops.publish import publish
from storeops.settings import Settings


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Print a stage's start and how long it took."""
    print(f"==> {name}", flush=True)
    started = time.perf_counter()
    yield
    print(f"    {name}: {time.perf_counter() - started:.1f} s", flush=True)


def run_landing(settings: Settings) -> LandingReport:
    """Land new export files into the working file (what the dbt model `landed_files` does)."""
    con = connect(settings.workfile)
    try:
        report = land(con, settings.exports_dir, settings.pii_salt, settings.transcoded_dir)
        con.execute("checkpoint")
    finally:
        con.close()
    return report


def validate_in_child(settings: Settings) -> ValidationReport:
    """Validation in a child process: its memory (pandas frames, Great Expectations) goes back to the
    operating system before dbt starts, instead of staying with this process while dbt runs.

    Its file scans and UTF-8 copies stay in the build's cache folder for landing."""
    skip = landed_hashes(settings.workfile)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(validate_exports, settings.exports_dir, settings.data_docs_dir, skip, None,
                           settings.transcoded_dir).result()


def run_dbt(settings: Settings, args: Sequence[str]) -> int:
    """Run dbt from the repository root on the working file; returns its exit code."""
    env = dict(os.environ)
    env["STOREOPS_WORKFILE"] = str(settings.workfile)
    env["STOREOPS_EXPORTS"] = str(settings.exports_dir)
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt) if dbt.exists() else "dbt", *args]
    return subprocess.call(command, cwd=settings.project_dir, env=env)


def not_landed(settings: Settings, report: ValidationReport) -> list[str]:
    """Files validation let through (not blocked) whose content is not in raw: must be empty.

    Hashes known from validation are used as long as the file's size and modification time hold."""
    landed = landed_hashes(settings.workfile)
    cache = FileCache(settings.transcoded_dir, report.known)
    blocked = {f.path for f in report.blocked}
    missing = []
    for path in sorted(settings.exports_dir.rglob("*")):
        rel = path.relative_to(settings.exports_dir).as_posix()
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and rel not in blocked:
            if cache.sha256(path) not in landed:
                missing.append(rel)
    return missing


def build(
    settings: Settings,
    generate_demo: Callable[[Path], object],
    keep_going: bool = False,
    dbt_args: Sequence[str] = (),
) -> int:
    """The whole pipeline; returns a process exit code."""
    if not exports_present(settings.exports_dir):
        with stage(f"generate demo exports into {settings.exports_dir} (the folder is empty)"):
            generate_demo(settings.exports_dir)
    with stage(f"validate new exports in {settings.exports_dir} (Great Expectations)"):
        report = validate_in_child(settings)
        for line in report.summary_lines():
            print(f"    {line}")
    if report.blocked and not keep_going:
        print(
            f"storeops: {len(report.blocked)} export file(s) cannot be landed (see [blocking] above). "
            "Fix or move them, or run `storeops build --keep-going` to build from the good files.",
            file=sys.stderr,
        )
        return 2
    settings.workfile.parent.mkdir(parents=True, exist_ok=True)
    args = ["build", *dbt_args]
    if keep_going:
        args += ["--vars", json.dumps({"keep_going": True})]
    with stage("dbt build (lands new files first: model landed_files)"):
        code = run_dbt(settings, args)
    if code != 0:
        print("storeops: dbt build failed; the published warehouse was left as it was.", file=sys.stderr)
        return code
    missed = not_landed(settings, report)
    if missed:
        for path in missed:
            print(f"    [not landed] {path}: validated but not landed; see the landed_files model in dbt's log")
        print(f"storeops: {len(missed)} valid file(s) were not landed; the warehouse was not published.",
              file=sys.stderr)
        return 3
    with stage("publish"):
        print("    " + publish(settings.workfile, settings.warehouse, settings.marts_parquet_dir))
    return 0
