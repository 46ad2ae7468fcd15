"""Boundary validation with Great Expectations: one suite per export contract.

Each export file is read with the same DuckDB reader the landing uses (a
GBK file through its UTF-8 copy, see discovery.FileCache), into a pandas frame
with the contract's English column names, and validated with a suite
generated from its contract (GE's pandas route: its SQL route fails on DuckDB
in 1.24), a contract's files in bounded batches. `storeops build` runs this in
a child process. Checks and what a failure means:

| check                               | severity   | outcome                                        |
|-------------------------------------|------------|------------------------------------------------|
| required headers present            | blocking   | the file is not landed                         |
| at least one data row               | warning    | landed (0 rows), named in the summary          |
| natural key not empty               | quarantine | landed; staging quarantines the rows           |
| numeric / date / time values parse  | quarantine | landed; staging quarantines the rows           |
| counts and amounts not negative     | quarantine | landed; staging quarantines the rows           |
| dates from the floor to tomorrow    | quarantine | landed; staging quarantines the rows           |
| natural key unique within the file  | quarantine | landed; staging keeps the last, the rest are superseded |
| rates in [0, 1]                     | warning    | landed; the marts recompute rates from counts  |
| one rejecting check fails most rows | blocking   | the build stops; `--keep-going` lands the file (rows quarantined) |

The floor is STOREOPS_EARLIEST_DATE (default 1990-01-01). The rejecting checks are the quarantine ones
whose rows staging rejects: empty required values, values that do not parse, negatives, dates out of
range (not the duplicate key check: those rows are superseded, not rejected). When one of them fails
more than STOREOPS_MAX_REJECT_SHARE (default 0.5) of a file's rows, the cause is almost always a
mapping problem (a date format, a column in the wrong place), not bad rows, and the file is blocked
like one that cannot be landed; landing does not apply this rule, so under `--keep-going` the file is
landed and its rows are kept in raw and quarantine.

Every count is Great Expectations' own count of failing rows (`unexpected_count`), not the length of
its lists of failing rows and values, which it caps at 200 (MAX_RESULT_RECORDS); examples are the
first three.

Staging (dbt) is the authority on each row; this is the early, readable
report, with Great Expectations' HTML Data Docs under `target/data_docs/`.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pandas as pd

from storeops.contracts import Column, Contract
from storeops.db import connect
from storeops.discovery import ExportFileError, FileCache, KnownFile, discover_exports
from storeops.parse_rules import DATE_FORMATS, NOT_REPORTED, TYPE_PATTERNS
from storeops.reader import Inspection, first_line, inspect_file, reader_sql
from storeops.settings import DEFAULT_MAX_REJECT_SHARE, earliest_date_from_env, max_reject_share_from_env

BLOCKING, QUARANTINE, WARNING = "blocking", "quarantine", "warning"
# the two kinds of blocked file: not landable at all, or landable but (above the threshold) mostly rejected
CANNOT_LAND, MOSTLY_REJECTED = "cannot be landed", "mostly rejected"
EXAMPLES = 3  # example rows shown per failed check and file
# rows of one contract validated in one Great Expectations run (whole files; memory grows with it)
BATCH_ROWS = 400_000


@dataclass
class CheckResult:
    """One failed check on one file."""

    check: str
    severity: str
    failing: int
    examples: list[str] = field(default_factory=list)
    rejects: bool = False  # its failing rows are rejected into quarantine (not superseded, not a warning)
    mostly_rejected: bool = False  # BLOCKING: more than the threshold share of the file's rows fail `check`
    expectation: str | None = None  # Great Expectations' expectation type; None for a file-level check
    column: str | None = None  # the column (or columns) it looks at

    @property
    def blocks(self) -> str | None:
        """The kind of block this failure puts on its file (CANNOT_LAND, MOSTLY_REJECTED), None if none."""
        if self.severity != BLOCKING:
            return None
        return MOSTLY_REJECTED if self.mostly_rejected else CANNOT_LAND


@dataclass
class FileValidation:
    """The outcome of validating one export file."""

    path: str
    contract: str
    rows: int = 0
    failures: list[CheckResult] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(f.severity == BLOCKING for f in self.failures)

    @property
    def cannot_land(self) -> bool:
        """Landing refuses the file too (missing headers, unreadable, ...); a mostly rejected file lands."""
        return any(f.blocks == CANNOT_LAND for f in self.failures)

    def reject_share(self, check: CheckResult) -> float:
        """The share of the file's rows failing `check`."""
        return check.failing / self.rows if self.rows else 0.0


def _percent(fraction: float) -> str:
    return f"{100 * fraction:.1f} %"


def _examples(c: CheckResult) -> str:
    """A row check's examples, labelled as the first few of its count when there are more."""
    if not c.examples:
        return ""
    shown = ", ".join(c.examples)
    return f"; first {len(c.examples)} of {c.failing:,}: {shown}" if c.failing > len(c.examples) else f"; e.g. {shown}"


def _observed(c: CheckResult) -> str:
    """A check without row counts (a file-level one): its name and what was observed."""
    return f"{c.check} ({', '.join(c.examples)})" if c.examples else c.check


@dataclass
class ValidationReport:
    """Every export file under a folder, validated."""

    files: list[FileValidation] = field(default_factory=list)
    skipped_landed: int = 0
    data_docs: Path | None = None
    known: dict[str, KnownFile] = field(default_factory=dict)  # every file's scan (hash, encoding)
    max_reject_share: float = float(DEFAULT_MAX_REJECT_SHARE)  # the threshold the files were held to

    @property
    def blocked(self) -> list[FileValidation]:
        return [f for f in self.files if f.blocked]

    def threshold(self) -> str:
        """The threshold as a percentage (0.5 -> '50 %')."""
        return f"{100 * self.max_reject_share:g} %"

    def block_reason(self, f: FileValidation, c: CheckResult) -> str:
        """Why a BLOCKING failure blocks its file, in one line: the check, or the count, rows and share."""
        if c.mostly_rejected:
            return (f'{c.failing:,} of {f.rows:,} rows ({_percent(f.reject_share(c))}) fail "{c.check}", '
                    f"above the {self.threshold()} threshold (STOREOPS_MAX_REJECT_SHARE)")
        return _observed(c)

    def blocked_lines(self) -> list[str]:
        """One line per blocking failure: the file, the kind of block and the reason (with the share)."""
        return [f"{f.path}: {c.blocks}: {self.block_reason(f, c)}"
                for f in self.blocked for c in f.failures if c.blocks]

    def _line(self, f: FileValidation, c: CheckResult) -> str:
        if c.mostly_rejected:
            return (f"[{c.severity}] {f.path}: {self.block_reason(f, c)}: most likely a mapping problem "
                    "(a date format, a column in the wrong place), not bad rows; fix the file or the setting, "
                    "or run `storeops build --keep-going` to land it anyway (its rows are kept in raw and quarantine)")
        if c.severity == BLOCKING or not c.failing:
            return f"[{c.severity}] {f.path}: {_observed(c)}"
        return f"[{c.severity}] {f.path}: {c.check}: {c.failing:,} row(s) failing{_examples(c)}"

    def summary_lines(self) -> list[str]:
        lines = [self._line(f, c) for f in self.files for c in f.failures]
        ok = sum(1 for f in self.files if not f.failures)
        blocked = len(self.blocked)
        cannot = sum(1 for f in self.blocked if f.cannot_land)
        kinds = f" ({cannot} {CANNOT_LAND}, {blocked - cannot} {MOSTLY_REJECTED})" if blocked else ""
        lines.append(
            f"validated {len(self.files)} file(s): {ok} clean, {blocked} blocked{kinds}, "
            f"{len(self.files) - ok - blocked} with row issues or warnings; "
            f"{self.skipped_landed} already landed, not re-validated"
        )
        if self.data_docs:
            lines.append(f"Great Expectations Data Docs: {self.data_docs}")
        return lines


def _show(value: object) -> str:
    """An example value as an analyst reads it."""
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "(empty)"
    return repr(value)


def _clean(value: str) -> str:
    return f"case when trim({value}) in ({', '.join(repr(m) for m in NOT_REPORTED)}) then null else trim({value}) end"


def _checked_columns(contract: Contract) -> list[Column]:
    """The columns a suite looks at: required, key, typed ones and those of row rules (other free text is not
    checked)."""
    in_rules = {name for r in contract.rules for name in (r.column, r.other, r.when) if name}
    return [c for c in contract.columns
            if c.required or c.name in contract.natural_key or c.type != "text" or c.name in in_rules]


def _rule_exprs(contract: Contract, info: Inspection) -> list[str]:
    """Helper columns for the row rules: `_lc_<name>` (text trimmed, lower case) and `_date_<name>` (a date)."""
    exprs = []
    text = {name for r in contract.rules for name in (r.column, r.when) if name and r.check != "not_before"}
    dates = {name for r in contract.rules if r.check == "not_before" for name in (r.column, r.other)}
    formats = ", ".join(repr(f) for f in DATE_FORMATS)
    for column in contract.columns:
        pos = info.hmap.by_column.get(column.header)
        if pos is None:
            continue
        if column.name in text:
            exprs.append(f'lower({_clean(f"c{pos}")}) as "_lc_{column.name}"')
        if column.name in dates:
            exprs.append(f'cast(try_strptime({_clean(f"c{pos}")}, [{formats}]) as date) as "_date_{column.name}"')
    return exprs


def read_frame(con: duckdb.DuckDBPyConnection, contract: Contract, path: Path, info: Inspection) -> pd.DataFrame:
    """The file as text in the contract's English names ("not reported" → NULL), plus parsed helpers."""
    exprs = ["row_number() over () as _row_number"]
    for column in _checked_columns(contract):
        pos = info.hmap.by_column.get(column.header)
        if pos is not None:
            exprs.append(f'{_clean(f"c{pos}")} as "{column.name}"')
    date_col = contract.column(contract.date_column)
    pos = info.hmap.by_column.get(date_col.header)
    if pos is not None:
        value = _clean(f"c{pos}")
        if date_col.type == "epoch_us":
            day = f"cast(make_timestamp(try_cast({value} as bigint)) as date)"
        else:
            formats = ", ".join(repr(f) for f in DATE_FORMATS)
            day = f"cast(try_strptime({value}, [{formats}]) as date)"
        exprs.append(f"{day} as _day")
    for column in contract.columns:
        pos = info.hmap.by_column.get(column.header)
        if pos is None or column.type not in ("integer", "decimal", "money", "percent"):
            continue
        number = f"try_cast(regexp_replace({_clean(f'c{pos}')}, '[,¥￥%\\s]', '', 'g') as double)"
        if column.type == "percent":
            number = f"case when c{pos} like '%\\%%' escape '\\' then {number} / 100 else {number} end"
        exprs.append(f'{number} as "_num_{column.name}"')
    exprs += _rule_exprs(contract, info)
    if not info.has_rows:  # a header-only export: its mapped columns, no rows
        names = ["_row_number"] + [c.name for c in _checked_columns(contract) if c.header in info.hmap.by_column]
        return pd.DataFrame({name: pd.Series(dtype="object") for name in names})
    sql = f"select {', '.join(exprs)} from {reader_sql(info)}"
    frame = con.execute(sql, {"file": info.source(path)}).df()
    if "_day" in frame:
        try:  # GE compares datetime64[ns] columns vectorised, other resolutions one row at a time
            frame["_day"] = frame["_day"].astype("datetime64[ns]")
        except (OverflowError, pd.errors.OutOfBoundsDatetime):
            pass  # a day outside 1677-2262: checked row by row, still caught by the date range check
    return frame


class SuiteItem(NamedTuple):
    """One expectation of a suite, with the check's name as printed and what a failure means."""

    expectation: Any  # a great_expectations Expectation
    check: str
    severity: str
    rejects: bool = False  # failing rows are rejected into quarantine (counts towards STOREOPS_MAX_REJECT_SHARE)
    column: str | None = None  # the contract column checked, when the expectation looks at a helper (`_day`)

    def columns(self) -> str:
        """The contract columns the expectation looks at (helpers `_num_x`, `_lc_x`, `_date_x` read as `x`)."""
        e = self.expectation
        found = getattr(e, "column_list", None) or [getattr(e, "column", None) or getattr(e, "column_A", None)]
        return self.column or ", ".join(re.sub(r"^_(num|lc|date)_", "", c) for c in found if c and c != "_file")

    def result(self, failing: int) -> CheckResult:
        return CheckResult(self.check, self.severity, failing, rejects=self.rejects,
                           expectation=self.expectation.expectation_type, column=self.columns())


def build_suite(contract: Contract, frame_columns: Iterable[str], today: date,
                earliest: date) -> list[SuiteItem]:
    """The expectation suite for a contract; dates are expected from `earliest` to the day after `today`."""
    import great_expectations.expectations as gxe

    present = set(frame_columns)
    out = []
    for column in contract.required:
        out.append(SuiteItem(gxe.ExpectColumnToExist(column=column.name),
                             f"required column {column.header} ({column.name})", BLOCKING))
    for column in contract.required:
        if column.name in present and not column.nullable:
            out.append(SuiteItem(gxe.ExpectColumnValuesToNotBeNull(column=column.name),
                                 f"required value {column.header} ({column.name}) not empty", QUARANTINE, True))
    key = [k for k in contract.natural_key if k in present]
    if key:  # within each file: re-exports across files are expected and resolved by staging (superseded)
        out.append(SuiteItem(gxe.ExpectCompoundColumnsToBeUnique(column_list=[*key, "_file"]),
                             f"natural key ({', '.join(key)}) unique in the file", QUARANTINE))
    for column in contract.columns:
        if column.name not in present or column.type == "text":
            continue
        out.append(SuiteItem(gxe.ExpectColumnValuesToMatchRegex(column=column.name, regex=TYPE_PATTERNS[column.type]),
                             f"{column.header} ({column.name}) parses as {column.type}", QUARANTINE, True))
        numeric = f"_num_{column.name}"
        if numeric in present and column.type != "percent":
            out.append(SuiteItem(gxe.ExpectColumnValuesToBeBetween(column=numeric, min_value=0),
                                 f"{column.header} ({column.name}) not negative", QUARANTINE, True))
        if numeric in present and column.type == "percent":
            out.append(SuiteItem(gxe.ExpectColumnValuesToBeBetween(column=numeric, min_value=0, max_value=1),
                                 f"{column.header} ({column.name}) rate in [0, 1]", WARNING))
    out += _rule_suite(contract, present)
    if "_day" in present:
        planned = contract.column(contract.date_column).planned  # a plan's date may lie ahead
        latest = None if planned else pd.Timestamp(today + timedelta(days=1))
        out.append(SuiteItem(gxe.ExpectColumnValuesToBeBetween(column="_day", min_value=pd.Timestamp(earliest),
                                                               max_value=latest),
                             f"{contract.date_column} from {earliest}" if planned
                             else f"{contract.date_column} between {earliest} and tomorrow", QUARANTINE, True,
                             contract.date_column))
    return out


def _rule_suite(contract: Contract, present: set[str]) -> list[SuiteItem]:
    """One expectation per row rule of the contract (the rows staging rejects as invalid_value)."""
    import great_expectations.expectations as gxe

    out = []
    for rule in contract.rules:
        column = contract.column(rule.column)
        label = f"{column.header} ({column.name})"
        if rule.check == "not_before" and {f"_date_{rule.column}", f"_date_{rule.other}"} <= present:
            expectation = gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=f"_date_{rule.column}", column_B=f"_date_{rule.other}", or_equal=True,
                ignore_row_if="either_value_is_missing")
            check = f"{label} not before {contract.column(rule.other).header} ({rule.other})"
        elif rule.check == "one_of" and f"_lc_{rule.column}" in present:
            expectation = gxe.ExpectColumnValuesToBeInSet(column=f"_lc_{rule.column}", value_set=list(rule.values))
            check = f"{label} is one of {', '.join(rule.values)}"
        elif rule.check in ("required_when", "empty_unless") and {rule.column, f"_lc_{rule.when}"} <= present:
            listed = ", ".join(repr(v) for v in rule.values)
            when = f"{contract.column(rule.when).header} ({rule.when}) is {' or '.join(rule.values)}"
            if rule.check == "required_when":
                expectation = gxe.ExpectColumnValuesToNotBeNull(
                    column=rule.column, row_condition=f"_lc_{rule.when}.isin([{listed}])", condition_parser="pandas")
                check = f"{label} required when {when}"
            else:
                expectation = gxe.ExpectColumnValuesToBeNull(
                    column=rule.column, row_condition=f"~_lc_{rule.when}.isin([{listed}])", condition_parser="pandas")
                check = f"{label} only when {when}"
        else:
            continue
        out.append(SuiteItem(expectation, check, QUARANTINE, True))
    return out


class _Validator:
    """One ephemeral Great Expectations context for a run, with a Data Docs site on disk."""

    def __init__(self, docs_dir: Path | None) -> None:
        import great_expectations as gx

        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = {"globally": False, "metric_calculations": False}
        self.source = self.context.data_sources.add_pandas("exports")
        self.docs_dir = docs_dir
        self._checkpoints: dict[tuple[str, tuple[str, ...]], tuple] = {}
        if docs_dir is not None:
            self.context.add_data_docs_site(
                site_name="storeops",
                site_config={
                    "class_name": "SiteBuilder",
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                },
            )

    def build_docs(self) -> Path | None:
        """Write the HTML Data Docs of every validation run so far; returns the index page."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs(site_names=["storeops"])
        return self.docs_dir / "index.html"

    def _checkpoint(self, name: str, suite_items: list[SuiteItem]):  # noqa: ANN202 (GE types)
        """The checkpoint of one contract (made on its first batch) and its expectations' suite items."""
        signature = (name, tuple(item.check for item in suite_items))
        if signature in self._checkpoints:
            return self._checkpoints[signature]
        # a batch whose files lack an optional column gets a suite of its own
        name = name if not any(key[0] == name for key in self._checkpoints) else f"{name}_{len(self._checkpoints)}"
        gx = self.gx
        asset = self.source.add_dataframe_asset(name)
        batch = asset.add_batch_definition_whole_dataframe(name)
        suite = self.context.suites.add(
            gx.ExpectationSuite(name=name, expectations=[item.expectation for item in suite_items])
        )
        labels = {expectation.id: item for expectation, item in zip(suite.expectations, suite_items)}
        definition = self.context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoint = self.context.checkpoints.add(
            gx.Checkpoint(name=name, validation_definitions=[definition], result_format={"result_format": "COMPLETE"})
        )
        self._checkpoints[signature] = (checkpoint, labels)
        return checkpoint, labels

    def run(self, name: str, frame: pd.DataFrame,
            suite_items: list[SuiteItem]) -> dict[str, list[CheckResult]] | None:
        """Validate one batch of a contract's files (whole files, `_file` naming each); failures per file.

        A file's count is Great Expectations' `unexpected_count` when the batch is that one file. In a
        batch of several files it is counted from GE's lists of failing rows and values, which GE caps at
        200 (MAX_RESULT_RECORDS; 1.24 caps the values only): when a list fell short of `unexpected_count`,
        returns None, and each file must be run alone."""
        checkpoint, items = self._checkpoint(name, suite_items)
        run = checkpoint.run(batch_parameters={"dataframe": frame})  # results kept for the Data Docs
        (result,) = run.run_results.values()
        files = frame["_file"].to_numpy()
        rows = frame["_row_number"].to_numpy()
        names = [str(f) for f in pd.unique(files)]
        failures: dict[str, list[CheckResult]] = {}
        for r in result.results:
            if r.success:
                continue
            item = items[r.expectation_config.id]
            indexes = r.result.get("unexpected_index_list") or []
            values = r.result.get("unexpected_list") or []
            count = r.result.get("unexpected_count")
            if count is None:  # not a row check (a column missing from the batch): every file fails it
                for file in names:
                    failures.setdefault(file, []).append(item.result(0))
                continue
            if len(names) > 1 and int(count) > min(len(indexes), len(values)):
                return None
            by_file: dict[str, CheckResult] = {}
            for i, value in zip(indexes, values):
                position = int(i)
                check = by_file.setdefault(str(files[position]), item.result(0))
                check.failing += 1
                if len(check.examples) < EXAMPLES:
                    check.examples.append(f"row {int(rows[position])}: {_show(value)}")
            if len(names) == 1:  # the batch is one file: GE's own count, not the capped list's length
                by_file.setdefault(names[0], item.result(0)).failing = int(count)
            for file, check in by_file.items():
                failures.setdefault(file, []).append(check)
        return failures


class _Rules(NamedTuple):
    """What the files are held to in one validation."""

    today: date
    earliest: date
    max_reject_share: float


def validate_exports(exports_dir: Path, docs_dir: Path | None = None, skip_hashes: set[str] | None = None,
                     today: date | None = None, cache_dir: Path | None = None, earliest_date: date | None = None,
                     max_reject_share: float | None = None) -> ValidationReport:
    """Validate every export file not yet landed; blocked files are the ones landing will refuse, and
    the ones more than `max_reject_share` of whose rows fail one rejecting check (a mapping problem).

    Dates are expected from `earliest_date` to the day after `today`. Unset, `earliest_date` and
    `max_reject_share` come from STOREOPS_EARLIEST_DATE and STOREOPS_MAX_REJECT_SHARE (settings.py).

    Each file is read once to hash it and tell its encoding; a GBK/GB18030 file
    is transcoded once to a UTF-8 copy in `cache_dir`, which DuckDB reads. The
    scans are saved there for landing (see discovery.FileCache) and returned in
    the report. Without `cache_dir`, a temporary folder serves and is removed.

    Each contract's new files are validated in batches of whole files of about
    BATCH_ROWS rows (a larger file is a batch of its own), with the file and
    row of each failure: memory stays bounded whatever the number of files,
    and Great Expectations' cost per run is paid once per batch, not per file.
    """
    if max_reject_share is not None and not 0 < max_reject_share <= 1:
        raise ValueError(f"max_reject_share must be in (0, 1], got {max_reject_share}")
    rules = _Rules(today or date.today(), earliest_date_from_env() if earliest_date is None else earliest_date,
                   max_reject_share_from_env() if max_reject_share is None else max_reject_share)
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix="storeops-transcoded-") as scratch:
            return _validate(exports_dir, docs_dir, skip_hashes or set(), rules, FileCache(Path(scratch)))
    cache = FileCache(cache_dir)
    report = _validate(exports_dir, docs_dir, skip_hashes or set(), rules, cache)
    cache.save()
    report.known = cache.known
    return report


def _validate(exports_dir: Path, docs_dir: Path | None, skip_hashes: set[str], rules: _Rules,
              cache: FileCache) -> ValidationReport:
    files, stray = discover_exports(exports_dir)
    report = ValidationReport(max_reject_share=rules.max_reject_share)
    for outcome in stray:
        reason = outcome.message.split(": ", 1)[-1]
        report.files.append(FileValidation(outcome.path, "-", failures=[CheckResult(reason, BLOCKING, 1)]))
    pending: list[tuple[Contract, Path, FileValidation]] = []
    for contract, path in files:
        if cache.sha256(path) in skip_hashes:
            report.skipped_landed += 1
            continue
        result = FileValidation(path.relative_to(exports_dir).as_posix(), contract.key)
        report.files.append(result)
        pending.append((contract, path, result))
    if not report.files:  # nothing new: no Great Expectations context to start
        return report
    validator = _Validator(docs_dir)
    con = connect()
    try:
        for contract in {c.key: c for c, _, _ in pending}.values():
            _validate_contract(con, validator, contract, [(p, r) for c, p, r in pending if c is contract],
                               exports_dir, rules, cache)
    finally:
        con.close()
    if docs_dir is not None and report.files:
        report.data_docs = validator.build_docs()
    return report


def _read_checked(con: duckdb.DuckDBPyConnection, contract: Contract, path: Path, exports_dir: Path,
                  result: FileValidation, cache: FileCache) -> pd.DataFrame | None:
    """One file's frame, or None when it is blocked or has no rows (recorded in `result`)."""
    try:
        info = inspect_file(contract, path, exports_dir, cache)
        frame = read_frame(con, contract, path, info)
    except ExportFileError as exc:
        result.failures.append(CheckResult(str(exc).split(": ", 1)[-1], BLOCKING, 1))
        return None
    except duckdb.Error as exc:
        result.failures.append(CheckResult(f"DuckDB could not read it: {first_line(exc)}", BLOCKING, 1))
        return None
    result.rows = len(frame)
    if not result.rows:
        result.failures.append(CheckResult("at least one data row", WARNING, 0, ["observed 0 rows"]))
        return None
    frame["_file"] = result.path
    return frame


def _mostly_rejected(result: FileValidation, max_share: float) -> list[CheckResult]:
    """A BLOCKING failure for each rejecting check that more than `max_share` of the file's rows fail.

    Not for the within-file duplicate key check (its rows are superseded, not rejected) nor warnings."""
    return [CheckResult(c.check, BLOCKING, c.failing, rejects=True, mostly_rejected=True,
                        expectation=c.expectation, column=c.column)
            for c in result.failures if c.rejects and result.reject_share(c) > max_share]


def _validate_contract(con: duckdb.DuckDBPyConnection, validator: _Validator, contract: Contract,
                       files: list[tuple[Path, FileValidation]], exports_dir: Path, rules: _Rules,
                       cache: FileCache) -> None:
    """Validate one contract's files batch by batch; failures go into each file's result."""
    frames: list[pd.DataFrame] = []
    results: list[FileValidation] = []

    def run(frame: pd.DataFrame) -> dict[str, list[CheckResult]] | None:
        return validator.run(contract.key, frame, build_suite(contract, frame.columns, rules.today, rules.earliest))

    def flush() -> None:
        failures = run(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0])
        if failures is None:  # GE capped a list of failing rows: each file alone gets GE's exact count (rare)
            failures = {path: found for frame in frames for path, found in (run(frame) or {}).items()}
        frames.clear()
        for result in results:
            result.failures.extend(failures.get(result.path, []))
            result.failures.extend(_mostly_rejected(result, rules.max_reject_share))
        results.clear()

    for path, result in files:
        frame = _read_checked(con, contract, path, exports_dir, result, cache)
        if frame is None:
            continue
        frames.append(frame)
        results.append(result)
        if sum(len(f) for f in frames) >= BATCH_ROWS:
            flush()
    if frames:
        flush()


def landed_hashes(workfile: Path) -> set[str]:
    """Content hashes of the files a working file has landed (none if it does not exist yet)."""
    if not workfile.exists():
        return set()
    con = connect(workfile, read_only=True)
    try:
        exists = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'raw' and table_name = '_files'"
        ).fetchone()
        if not exists or not exists[0]:
            return set()
        return {r[0] for r in con.execute("select file_hash from raw._files").fetchall()}
    finally:
        con.close()

