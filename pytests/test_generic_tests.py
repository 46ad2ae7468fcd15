"""The project's own generic data tests (tests/generic/), run through dbt on hand-made rows: a test that
cannot fail guards nothing, so each is shown failing on the rows it must catch and passing on clean rows.

Every case is one subquery of a single `dbt show` (one dbt start-up and parse for all of them)."""

from __future__ import annotations

import pytest
from conftest import dbt_show

ROWS = "(select * from (values (1, null, 'x', null), (null, null, 'y', 2)) v(a, b, c, d))"
NUMBERS = "(select * from (values (-0.5, 1), (0.5, 3), (1.0, null)) v(a, b))"
CASES = {
    "nulls": f"test_not_null_columns(model=\"{ROWS}\", column_names=['a', 'b', 'c', 'd'])",
    "no nulls": f"test_not_null_columns(model=\"{ROWS}\", column_names=['c'])",
    "both bounds": f"test_columns_between(model=\"{NUMBERS}\", column_names=['a', 'b'], min_value=0, max_value=1)",
    "lower bound": f"test_columns_between(model=\"{NUMBERS}\", column_names=['a', 'b'], min_value=0)",
    "one column in range": f"test_between(model=\"{NUMBERS}\", column_name='b', max_value=3)",
}
VALUE = {"nulls": "null_rows", "no nulls": "null_rows"}  # the rest return out_of_range_value


@pytest.fixture(scope="module")
def failures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, float]]]:
    """Each case's rows: (column_name, null count or offending value)."""
    sql = " union all ".join(
        f"select '{case}' as case_name, column_name, cast({VALUE.get(case, 'out_of_range_value')} as double) as value "
        f"from ({{{{ {call} }}}})"
        for case, call in CASES.items()
    )
    rows = dbt_show(tmp_path_factory.mktemp("generic_tests"), sql)
    out: dict[str, list[tuple[str, float]]] = {case: [] for case in CASES}
    for row in rows:
        out[row["case_name"]].append((row["column_name"], row["value"]))
    return {case: sorted(found) for case, found in out.items()}


def test_not_null_columns_names_each_column_with_nulls_and_counts_them(failures) -> None:
    assert failures["nulls"] == [("a", 1), ("b", 2), ("d", 1)]


def test_not_null_columns_returns_nothing_when_no_column_has_nulls(failures) -> None:
    assert failures["no nulls"] == []


def test_columns_between_returns_each_value_out_of_bounds_with_its_column(failures) -> None:
    assert failures["both bounds"] == [("a", -0.5), ("b", 3.0)]


def test_columns_between_takes_one_bound_and_lets_null_pass(failures) -> None:
    assert failures["lower bound"] == [("a", -0.5)]
    assert failures["one column in range"] == []
