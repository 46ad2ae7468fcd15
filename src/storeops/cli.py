"""The `storeops` command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from storeops.settings import load_settings


def _generate(args: argparse.Namespace) -> int:
    from storeops.generate import generate

    files = generate(
        Path(args.out), seed=args.seed, scale=args.scale, start=args.start, days=args.days,
        progress=not args.quiet,
    )
    print(f"wrote {len(files)} export files under {args.out}")
    return 0


def _demo(out: Path) -> None:
    from storeops.generate import generate

    generate(out)


def _validate(args: argparse.Namespace) -> int:
    from storeops.expectations import validate_exports

    settings = load_settings()
    exports = Path(args.exports) if args.exports else settings.exports_dir
    report = validate_exports(exports, docs_dir=None if args.no_docs else settings.data_docs_dir,
                              earliest_date=settings.earliest_date, max_reject_share=settings.max_reject_share)
    for line in report.summary_lines():
        print(line)
    return 1 if report.blocked else 0


def _land(args: argparse.Namespace) -> int:
    from storeops.pipeline import run_landing

    report = run_landing(load_settings())
    for outcome in report.outcomes:
        if outcome.status != "already_landed":
            print(f"[{outcome.status}] {outcome.message}")
    print(report.summary())
    return 1 if report.problems else 0


def _build(args: argparse.Namespace) -> int:
    from storeops.pipeline import build

    return build(load_settings(), _demo, keep_going=args.keep_going, dbt_args=args.dbt_args,
                 unit_tests=args.unit_tests)


def _publish(args: argparse.Namespace) -> int:
    from storeops.publish import publish

    settings = load_settings()
    print(publish(settings.workfile, settings.warehouse, settings.marts_parquet_dir))
    return 0


def _contracts(args: argparse.Namespace) -> int:
    from storeops import dbt_contracts
    from storeops.settings import find_project_dir

    root = find_project_dir()
    target = root / dbt_contracts.GENERATED
    if args.check:
        if dbt_contracts.is_current(root):
            print(f"{target} is up to date with src/storeops/contracts/")
            return 0
        print(f"{target} is out of date with src/storeops/contracts/: run `storeops contracts --write`")
        return 1
    changed = dbt_contracts.write(root)
    print(f"{'wrote' if changed else 'unchanged:'} {target}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="storeops",
        description="Raw e-commerce platform exports to a tested DuckDB warehouse. "
        "Paths come from STOREOPS_EXPORTS, STOREOPS_WAREHOUSE and STOREOPS_WORKFILE; dates before "
        "STOREOPS_EARLIEST_DATE (default 1990-01-01) are rejected, and a file more than "
        "STOREOPS_MAX_REJECT_SHARE (default 0.5) of whose rows one check rejects is blocked.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("generate", help="write deterministic demo exports for every export contract")
    g.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    g.add_argument("--scale", type=float, default=1.0, help="multiplies traffic and buyers (default 1)")
    g.add_argument("--start", type=date.fromisoformat, default=date(2024, 1, 1), help="first day (default 2024-01-01)")
    g.add_argument("--days", type=int, default=365, help="number of days (default 365)")
    g.add_argument("--out", default="exports", help="exports folder to write (default exports/)")
    g.add_argument("--quiet", action="store_true", help="no progress bar")
    g.set_defaults(func=_generate)

    v = sub.add_parser(
        "validate", help="validate export files with Great Expectations suites made from the contracts; lands nothing"
    )
    v.add_argument("--exports", help="exports folder (default STOREOPS_EXPORTS or exports/)")
    v.add_argument("--no-docs", action="store_true", help="skip writing Great Expectations Data Docs to target/data_docs/")
    v.set_defaults(func=_validate)

    ld = sub.add_parser("land", help="land new export files into the working file's raw schema")
    ld.set_defaults(func=_land)

    b = sub.add_parser("build", help="generate demo exports if none, land, dbt build, publish")
    b.add_argument("--keep-going", action="store_true",
                   help="build from the good files when some cannot be landed; land mostly rejected files anyway")
    b.add_argument("--unit-tests", action="store_true",
                   help="run dbt's unit tests too (hand-made rows through the models' SQL; make test does)")
    b.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra arguments for dbt build (after --)")
    b.set_defaults(func=_build)

    ct = sub.add_parser(
        "contracts", help="write macros/export_contracts.sql (what dbt's staging macros read) from the contracts"
    )
    mode = ct.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the file when the contracts changed")
    mode.add_argument("--check", action="store_true", help="write nothing; exit 1 when the file is out of date")
    ct.set_defaults(func=_contracts)

    pb = sub.add_parser("publish", help="publish the working file as the warehouse (atomic rename)")
    pb.set_defaults(func=_publish)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "dbt_args", None) and args.dbt_args[:1] == ["--"]:
        args.dbt_args = args.dbt_args[1:]
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
