"""Publishing: atomic rename of a checked copy; readers keep the old file and never block."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from storeops.publish import publish


def make_work(path: Path, value: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists marts")
    con.execute("create or replace table marts.answer as select ? as value", [value])
    con.close()


def test_reader_keeps_the_old_version_and_new_readers_see_the_new(tmp_path):
    work, published, parquet = tmp_path / "work.duckdb", tmp_path / "pub" / "storeops.duckdb", tmp_path / "marts"
    make_work(work, 1)
    publish(work, published, parquet)
    reader = duckdb.connect(str(published), read_only=True)
    assert reader.execute("select value from marts.answer").fetchone() == (1,)

    make_work(work, 2)
    summary = publish(work, published, parquet)  # must not fail while the reader holds the file
    assert "published" in summary
    assert reader.execute("select value from marts.answer").fetchone() == (1,)
    reader.close()

    fresh = duckdb.connect(str(published), read_only=True)
    assert fresh.execute("select value from marts.answer").fetchone() == (2,)
    fresh.close()
    assert duckdb.sql(f"select value from '{parquet / 'answer.parquet'}'").fetchone() == (2,)
    assert sorted(p.name for p in published.parent.iterdir()) == ["storeops.duckdb"]  # no temp files left


def test_publish_without_a_working_file_says_what_to_do(tmp_path):
    with pytest.raises(SystemExit, match="make build"):
        publish(tmp_path / "missing.duckdb", tmp_path / "pub.duckdb")
