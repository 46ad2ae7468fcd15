"""The project's own generic data tests (tests/generic/), run through dbt on hand-made rows: a test that
cannot fail guards nothing, so each is shown failing on the rows it must catch and passing on clean rows."""

from __future__ import annotations

from pathlib import Path

from conftest import dbt_show

ROWS = "(select * from (values (1, null, 'x', null), (null, null, 'y', 2)) v(a, b, c, d))"
NUMBERS = "(select * from (values (-0.5, 1), (0.5, 3), (1.0, null)) v(a, b))"


def test_not_null_columns_names_each_column_with_nulls_and_counts_them(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_not_null_columns(model=\"{ROWS}\", column_names=['a', 'b', 'c', 'd']) }}}}")
    assert sorted((r["column_name"], r["null_rows"]) for r in rows) == [("a", 1), ("b", 2), ("d", 1)]


def test_not_null_columns_returns_nothing_when_no_column_has_nulls(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_not_null_columns(model=\"{ROWS}\", column_names=['c']) }}}}")
    assert rows == []


def test_columns_between_returns_each_value_out_of_bounds_with_its_column(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_columns_between(model=\"{NUMBERS}\", column_names=['a', 'b'], "
                              "min_value=0, max_value=1) }}")
    assert sorted((r["column_name"], r["out_of_range_value"]) for r in rows) == [("a", -0.5), ("b", 3.0)]


def test_columns_between_takes_one_bound_and_lets_null_pass(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_columns_between(model=\"{NUMBERS}\", column_names=['a', 'b'], "
                              "min_value=0) }}")
    assert [(r["column_name"], r["out_of_range_value"]) for r in rows] == [("a", -0.5)]
    assert dbt_show(tmp_path, f"{{{{ test_between(model=\"{NUMBERS}\", column_name='b', max_value=3) }}}}") == []
