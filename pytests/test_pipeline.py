"""The build's glue: the dbt vars storeops passes (merged with the user's own), and the data-health
findings it prints from the working file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storeops.db import connect
from storeops.pipeline import data_health_lines, dbt_vars, with_vars, without_unit_tests
from storeops.settings import load_settings

RESOLVED = {"keep_going": False, "earliest_export_date": "1990-01-01", "max_reject_share": 0.5}


def passed_vars(args: list[str]) -> dict[str, object]:
    assert args.count("--vars") == 1 and not any(a.startswith("--vars=") for a in args), args
    return json.loads(args[args.index("--vars") + 1])


def test_resolved_settings_become_one_vars_object(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STOREOPS_EARLIEST_DATE", "1996-07-01")
    monkeypatch.setenv("STOREOPS_MAX_REJECT_SHARE", "0.8")
    settings = load_settings(Path(__file__).resolve().parents[1])
    assert settings.earliest_date == date(1996, 7, 1)
    args = with_vars(["-s", "stg_generic__orders+"], dbt_vars(settings, keep_going=True))
    assert args[:2] == ["-s", "stg_generic__orders+"]
    assert passed_vars(args) == {"keep_going": True, "earliest_export_date": "1996-07-01", "max_reject_share": 0.8}


@pytest.mark.parametrize("user", [
    ["--vars", "{keep_going: true, incremental_lookback_days: 5}"],  # YAML, as dbt takes it
    ["--vars", '{"keep_going": true, "incremental_lookback_days": 5}'],  # JSON
    ['--vars={"keep_going": true, "incremental_lookback_days": 5}'],
])
def test_the_users_vars_are_merged_and_win(user: list[str]) -> None:
    args = with_vars(["--full-refresh", *user, "--target-path", "t"], RESOLVED)
    assert [a for a in args if a != "--vars" and not a.startswith("{")] == ["--full-refresh", "--target-path", "t"]
    assert passed_vars(args) == {**RESOLVED, "keep_going": True, "incremental_lookback_days": 5}


def test_vars_that_are_not_a_mapping_stop_with_a_message() -> None:
    with pytest.raises(SystemExit, match="not a YAML or JSON mapping"):
        with_vars(["--vars", "[1, 2]"], RESOLVED)


def test_data_health_is_printed_errors_first_and_nothing_without_the_mart(tmp_path: Path) -> None:
    workfile = tmp_path / "work.duckdb"
    con = connect(workfile)
    con.execute("create table main.t as select 1 as x")
    con.close()
    assert data_health_lines(workfile) == []  # an older working file: no mart, nothing printed

    con = connect(workfile)
    con.execute("create schema marts")
    con.execute(
        "create table marts.fct_data_health (check_name varchar, severity varchar, platform varchar, report varchar,"
        " file_path varchar, subject varchar, affected_rows bigint, total_rows bigint, affected_share double,"
        " message varchar)"
    )
    con.execute("""insert into marts.fct_data_health values
        ('rows_quarantined', 'info', 'generic', 'orders', 'generic/orders/b.csv', 's', 1, 10, 0.1, 'info b'),
        ('missing_optional_columns', 'info', 'generic', 'orders', 'generic/orders/a.csv', 's', 10, 10, 1, 'info a'),
        ('rows_quarantined', 'warning', 'tmall', 'orders', null, 's', 2, 10, 0.2, 'warning'),
        ('rows_quarantined', 'error', 'generic', 'orders', 'generic/orders/c.csv', 's', 9, 10, 0.9, 'error c')""")
    con.close()
    assert data_health_lines(workfile) == [
        "    [data health] error: error c",
        "    [data health] warning: warning",
        "    [data health] info: info a",
        "    [data health] info: info b",
    ]
    assert data_health_lines(workfile, severities=("error",)) == ["    [data health] error: error c"]


@pytest.mark.parametrize(("user", "unit_tests", "expected"), [
    ([], False, ["--exclude-resource-type", "unit_test"]),  # the daily build: data tests, no unit tests
    (["--full-refresh"], False, ["--full-refresh", "--exclude-resource-type", "unit_test"]),
    (["--full-refresh"], True, ["--full-refresh"]),  # make test: storeops build --unit-tests
    (["--resource-type", "unit_test"], False, ["--resource-type", "unit_test"]),  # the user's choice stands
    (["--exclude-resource-type=test"], False, ["--exclude-resource-type=test"]),
])
def test_unit_tests_run_only_when_asked_for(user: list[str], unit_tests: bool, expected: list[str]) -> None:
    assert without_unit_tests(user, unit_tests) == expected
