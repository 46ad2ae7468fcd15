"""The project's own generic data tests (tests/generic/), run through dbt on hand-made rows: a test that
cannot fail guards nothing, so each is shown failing on the rows it must catch and passing on clean rows."""

from __future__ import annotations

from pathlib import Path

from conftest import dbt_show

ROWS = "(select * from (values (1, null, 'x', null), (null, null, 'y', 2)) v(a, b, c, d))"


def test_not_null_columns_names_each_column_with_nulls_and_counts_them(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_not_null_columns(model=\"{ROWS}\", column_names=['a', 'b', 'c', 'd']) }}}}")
    assert sorted((r["column_name"], r["null_rows"]) for r in rows) == [("a", 1), ("b", 2), ("d", 1)]


def test_not_null_columns_returns_nothing_when_no_column_has_nulls(tmp_path: Path) -> None:
    rows = dbt_show(tmp_path, f"{{{{ test_not_null_columns(model=\"{ROWS}\", column_names=['c']) }}}}")
    assert rows == []
