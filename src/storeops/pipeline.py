"""The build: generate (if the exports folder is empty), validate, dbt build (which lands), data health,
publish.

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

import yaml

from storeops.db import connect
from storeops.discovery import SUPPORTED_SUFFIXES, FileCache, exports_present
from storeops.expectations import ValidationReport, landed_hashes, validate_exports
from storeops.landing import LandingReport, land
from storeops.publish import publish
from storeops.raw_layer import record_validation
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
        return pool.submit(validate_exports, settings.exports_dir, settings.data_docs_dir, skip,
                           cache_dir=settings.transcoded_dir, earliest_date=settings.earliest_date,
                           max_reject_share=settings.max_reject_share).result()


def record_results(settings: Settings, report: ValidationReport) -> None:
    """Write the failing expectations of the files just validated into the working file (raw._validation_results;
    marts.fct_validation_results reads them)."""
    settings.workfile.parent.mkdir(parents=True, exist_ok=True)
    con = connect(settings.workfile)
    try:
        record_validation(con, report, settings.exports_dir)
        con.execute("checkpoint")
    finally:
        con.close()


def dbt_vars(settings: Settings, keep_going: bool) -> dict[str, object]:
    """The dbt vars storeops resolves, so that validation and dbt hold the files to the same rules."""
    return {"keep_going": keep_going, "earliest_export_date": settings.earliest_date.isoformat(),
            "max_reject_share": settings.max_reject_share}


def with_vars(dbt_args: Sequence[str], resolved: dict[str, object]) -> list[str]:
    """`dbt_args` with one `--vars`: `resolved` merged with the user's own --vars (YAML or JSON; theirs win)."""
    args: list[str] = []
    merged = dict(resolved)
    rest = iter(dbt_args)
    for arg in rest:
        if arg == "--vars" or arg.startswith("--vars="):
            text = arg.split("=", 1)[1] if "=" in arg else next(rest, "")
            theirs = yaml.safe_load(text) if text.strip() else {}
            if not isinstance(theirs, dict):
                raise SystemExit(f"storeops: --vars {text!r} is not a YAML or JSON mapping such as '{{key: value}}'.")
            merged.update(theirs)
        else:
            args.append(arg)
    return [*args, "--vars", json.dumps(merged)]


RESOURCE_TYPE_FLAGS = ("--resource-type", "--resource-types", "--exclude-resource-type", "--exclude-resource-types")


def without_unit_tests(dbt_args: Sequence[str], unit_tests: bool) -> list[str]:
    """`dbt_args`, leaving dbt's unit tests out unless asked for (DECISIONLOG V1).

    Unit tests run hand-made rows through a model's SQL: they check the code, not the exports, so they
    belong in `make test` (`storeops build --unit-tests`), not in every daily build. A user who chooses
    resource types themselves gets exactly their choice."""
    chosen = any(arg.split("=", 1)[0] in RESOURCE_TYPE_FLAGS for arg in dbt_args)
    if unit_tests or chosen:
        return list(dbt_args)
    return [*dbt_args, "--exclude-resource-type", "unit_test"]


def run_dbt(settings: Settings, args: Sequence[str]) -> int:
    """Run dbt from the repository root on the working file; returns its exit code."""
    env = dict(os.environ)
    env["STOREOPS_WORKFILE"] = str(settings.workfile)
    env["STOREOPS_EXPORTS"] = str(settings.exports_dir)
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt) if dbt.exists() else "dbt", *args]
    return subprocess.call(command, cwd=settings.project_dir, env=env)


def not_landed(settings: Settings, report: ValidationReport) -> list[str]:
    """Files landing was expected to take whose content is not in raw: must be empty.

    Every file but those validation found landing cannot take; a mostly rejected file (blocked by
    validation, built with --keep-going) is landed, its rows kept in raw and quarantine, so it is checked.
    Hashes known from validation are used as long as the file's size and modification time hold."""
    landed = landed_hashes(settings.workfile)
    cache = FileCache(settings.transcoded_dir, report.known)
    blocked = {f.path for f in report.files if f.cannot_land}
    missing = []
    for path in sorted(settings.exports_dir.rglob("*")):
        rel = path.relative_to(settings.exports_dir).as_posix()
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and rel not in blocked:
            if cache.sha256(path) not in landed:
                missing.append(rel)
    return missing


SEVERITY_ORDER = ("error", "warning", "info")


def data_health_lines(workfile: Path, severities: Sequence[str] = SEVERITY_ORDER) -> list[str]:
    """The warehouse's data-health findings (marts.fct_data_health) of these severities, errors first; none if
    it has no such mart."""
    if not workfile.exists():
        return []
    con = connect(workfile, read_only=True)
    try:
        found = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = ?",
            ["fct_data_health"],
        ).fetchone()
        if not found or not found[0]:
            return []
        rows = con.execute(
            "select severity, message from marts.fct_data_health where list_contains(?, severity) "
            "order by coalesce(list_position(?, severity), ?), check_name, platform, report, file_path",
            [list(severities), list(SEVERITY_ORDER), len(SEVERITY_ORDER) + 1],
        ).fetchall()
    finally:
        con.close()
    return [f"    [data health] {severity}: {message}" for severity, message in rows]


def blocked_message(report: ValidationReport) -> str:
    """Why the build stops before dbt: each blocked file with the kind of block, the reason and the share."""
    cannot = sum(1 for f in report.blocked if f.cannot_land)
    mostly = len(report.blocked) - cannot
    lines = [f"storeops: {len(report.blocked)} export file(s) blocked (see [blocking] above); the build stopped "
             "before dbt:", *(f"  - {line}" for line in report.blocked_lines())]
    if cannot:
        lines.append(f"{cannot} file(s) cannot be landed: fix or move them, or run `storeops build --keep-going` "
                     "to build from the good files without them.")
    if mostly:
        lines.append(f"{mostly} file(s) mostly rejected: most likely a mapping problem (a date format, a column in "
                     "the wrong place), not bad rows; fix the file or the setting (STOREOPS_EARLIEST_DATE, "
                     "STOREOPS_MAX_REJECT_SHARE), or run `storeops build --keep-going` to land it anyway "
                     "(its rows are kept in raw and quarantine).")
    return "\n".join(lines)


def build(
    settings: Settings,
    generate_demo: Callable[[Path], object],
    keep_going: bool = False,
    dbt_args: Sequence[str] = (),
    unit_tests: bool = False,
) -> int:
    """The whole pipeline; returns a process exit code."""
    if not exports_present(settings.exports_dir):
        with stage(f"generate demo exports into {settings.exports_dir} (the folder is empty)"):
            generate_demo(settings.exports_dir)
    with stage(f"validate new exports in {settings.exports_dir} (Great Expectations)"):
        report = validate_in_child(settings)
        for line in report.summary_lines():
            print(f"    {line}")
    if report.files:  # blocked files too: their results stay in the working file, which is not published
        record_results(settings, report)
    if report.blocked and not keep_going:
        print(blocked_message(report), file=sys.stderr)
        return 2
    settings.workfile.parent.mkdir(parents=True, exist_ok=True)
    args = ["build", *with_vars(without_unit_tests(dbt_args, unit_tests), dbt_vars(settings, keep_going))]
    with stage("dbt build (lands new files first: model landed_files)"):
        code = run_dbt(settings, args)
    if code != 0:
        # the findings that fail a build (a file mostly rejected for one reason: test assert_no_export_mostly_rejected)
        for line in data_health_lines(settings.workfile, severities=("error",)):
            print(line)
        print("storeops: dbt build failed; the published warehouse was left as it was.", file=sys.stderr)
        return code
    for line in data_health_lines(settings.workfile):
        print(line)
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
