"""Every case of the bad-export catalogue gives its documented outcome, and nothing is lost.

Validation is checked case by case (fast, no dbt); then one real build runs on a
folder mixing every case (it stops, naming the blocked files), then one with
--keep-going, and the published warehouse is checked: staged rows, quarantined
rows with their reasons (mostly rejected files included), blocked files named
and not landed, and raw = staged + quarantined for every export.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from bad_exports import CATALOGUE, Case, staged_keys
from conftest import run_build

from storeops.contracts import load_contracts
from storeops.expectations import validate_exports



@pytest.mark.parametrize("case", CATALOGUE, ids=[c.name for c in CATALOGUE])
def test_validation_gives_the_documented_outcome(case: Case, tmp_path: Path) -> None:
    case.build(tmp_path)
    report = validate_exports(tmp_path)
    summary = "\n".join(report.summary_lines())
    if case.outcome in ("blocked", "mostly_rejected"):
        assert report.blocked, summary
        assert all(f.cannot_land == (case.outcome == "blocked") for f in report.blocked), summary
        blocked_line = next(line for line in report.summary_lines() if line.startswith("[blocking]"))
        for fragment in case.message:
            assert fragment in blocked_line, summary
    else:
        assert not report.blocked, summary
    if case.outcome == "warning":
        for fragment in case.message:
            assert fragment in summary
    for file_name, _ in case.quarantined:
        if "superseded" not in _:  # re-exports are resolved by staging, not a validation failure
            assert any(line.startswith("[quarantine]") and file_name in line for line in report.summary_lines()), summary


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[duckdb.DuckDBPyConnection, str, str]:
    tmp_path = tmp_path_factory.mktemp("bad_exports")
    exports = tmp_path / "exports"
    for case in CATALOGUE:
        case.build(exports)
    refused = run_build(tmp_path, exports)
    built = run_build(tmp_path, exports, "--keep-going")
    assert built.returncode == 0, built.stdout[-5000:] + built.stderr[-3000:]
    con = duckdb.connect(str(tmp_path / "published" / "storeops.duckdb"), read_only=True)
    yield con, refused.stdout + refused.stderr, built.stdout
    con.close()


def test_the_build_stops_on_blocked_files_and_names_each(mixed_build) -> None:
    _, refused, _ = mixed_build
    assert "cannot be landed" in refused and "mostly rejected" in refused and "--keep-going" in refused
    for case in CATALOGUE:
        if case.outcome in ("blocked", "mostly_rejected"):
            assert all(fragment in refused for fragment in case.message), case.name


@pytest.mark.parametrize("case", [c for c in CATALOGUE if c.outcome != "blocked"], ids=lambda c: c.name)
def test_landed_cases_are_staged_or_quarantined_as_documented(case: Case, mixed_build) -> None:
    con, _, _ = mixed_build
    assert staged_keys(con, case) == set(case.staged)
    for file_name, fragment in case.quarantined:
        reasons = [r[0] for r in con.execute(
            "select reason from quarantine.quarantine_rows where file_path like ?", [f"%/{file_name}"]
        ).fetchall()]
        assert reasons and all(fragment in r for r in reasons), (file_name, reasons)
    for file_name, row_number, fragment in case.row_reasons:
        reason = con.execute(
            "select reason from quarantine.quarantine_rows where file_path like ? and row_number = ?",
            [f"%/{file_name}", row_number],
        ).fetchone()
        assert reason and fragment in reason[0], (file_name, row_number, reason)
    for order_id, amount in case.extra.items():
        assert con.execute("select amount from staging.stg_generic__orders where order_id = ?",
                           [order_id]).fetchone()[0] == amount


def test_blocked_files_are_not_landed(mixed_build) -> None:
    con, _, _ = mixed_build
    landed = {r[0] for r in con.execute("select file_path from raw._files").fetchall()}
    for case in CATALOGUE:
        if case.outcome == "blocked":
            assert case.message[0] not in landed
        if case.outcome == "mostly_rejected":  # landing does not apply the share rule: --keep-going lands it
            assert case.message[0] in landed
    assert "generic/orders/twice (1).csv" not in landed or "generic/orders/twice.csv" not in landed


def test_parsed_values_of_platform_number_formats(mixed_build) -> None:
    con, _, _ = mixed_build
    rows = con.execute(
        "select cast(stat_date as varchar), visitors, paid_amount, payment_conversion_rate "
        "from staging.stg_tmall__sycm_shop_daily where stat_date < date '2023-01-03' order by 1"
    ).fetchall()
    assert [(d, v, float(a), r) for d, v, a, r in rows] == [
        ("2023-01-01", 1234, 1234.5, pytest.approx(0.032)),
        ("2023-01-02", 100, 1234.5, None),
    ]


def test_every_raw_row_is_staged_or_quarantined(mixed_build) -> None:
    con, _, _ = mixed_build
    for contract in load_contracts():
        raw, = con.execute(f"select count(*) from raw.{contract.key}").fetchone()
        staged, = con.execute(f"select count(*) from staging.stg_{contract.key}").fetchone()
        quarantined, = con.execute(
            "select count(*) from quarantine.quarantine_rows where platform = ? and report = ?",
            [contract.platform, contract.report],
        ).fetchone()
        assert raw == staged + quarantined, contract.key
    files, = con.execute("select count(*) from raw._files").fetchone()
    assert files == sum(1 for c in CATALOGUE if c.outcome != "blocked") + 1  # the overlap case has two files


# failing validations the warehouse keeps (marts.fct_validation_results), per file: check fragment ->
# (outcome, failing rows, rows validated, landed)
FAILING_VALIDATIONS = {
    "generic/orders/negative.csv": {"amount (amount) not negative": ("quarantined", 1, 2, True)},
    "generic/orders/duplicates.csv": {"natural key (order_id) unique in the file": ("superseded", 2, 3, True)},
    "generic/orders/day_first.csv": {"ordered_at (ordered_at) parses as timestamp": ("blocked", 3, 3, True)},
    "generic/orders/header_only.csv": {"at least one data row": ("warning", 0, 0, True)},
    "tmall/orders/missing_paid_amount.csv": {"missing required column(s) 买家实际支付金额": ("blocked", 1, 0, False)},
    "tmall/order/typo_folder.csv": {"not in a known export folder": ("blocked", 1, 0, False)},
}


def test_failing_validations_are_kept_with_their_counts_and_outcome(mixed_build) -> None:
    con, _, _ = mixed_build
    for file_path, checks in FAILING_VALIDATIONS.items():
        rows = con.execute(
            "select check_name, outcome, unexpected_count, element_count, file_seq is not null "
            "from marts.fct_validation_results where file_path = ?", [file_path]).fetchall()
        for fragment, expected in checks.items():
            found = [tuple(r[1:]) for r in rows if r[0].startswith(fragment)]
            assert found == [expected], (file_path, fragment, rows)
    share = con.execute("select unexpected_share from marts.fct_validation_results "
                        "where file_path = 'generic/orders/negative.csv'").fetchone()
    assert share == (0.5,)


def test_failing_validations_are_recorded_once_per_file_version(mixed_build) -> None:
    con, _, _ = mixed_build  # two builds validated every file: the refused one and --keep-going
    (repeated,) = con.execute("""
        select count(*) from (
            select file_path, check_name, severity from raw._validation_results group by all having count(*) > 1)
    """).fetchone()
    assert repeated == 0
    (clean,) = con.execute("select count(*) from marts.fct_validation_results where file_path like ?",
                           ["%/crlf.csv"]).fetchone()
    assert clean == 0
