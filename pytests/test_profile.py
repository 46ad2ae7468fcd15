"""The committed profile works when a build spills to disk.

dbt-duckdb opens the file once with `config_options` and applies `settings` with SET on every new
cursor; DuckDB refuses to switch `temp_directory` once a query has spilled into it. A profile that
put the spill folder in `settings` failed every model after the first spill (seen at ×10 with a 3 GB
cap). This test spills for real, then opens a cursor the way dbt-duckdb does.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import REPO

ENV_VAR = re.compile(r"""\{\{\s*env_var\('([A-Z_]+)',\s*'([^']*)'\)\s*\}\}""")


def profile_output(tmp_path: Path) -> dict[str, object]:
    text = ENV_VAR.sub(lambda m: str(tmp_path / m.group(2)) if "/" in m.group(2) else m.group(2),
                       (REPO / "profiles.yml").read_text())
    return yaml.safe_load(text)["storeops"]["outputs"]["dev"]


def test_cursors_open_after_a_query_spilled(tmp_path: Path) -> None:
    output = profile_output(tmp_path)
    config = dict(output.get("config_options") or {})
    assert "temp_directory" in config, "the spill folder belongs in config_options (set once)"
    settings = dict(output["settings"])
    assert "temp_directory" not in settings
    temp = Path(config["temp_directory"])
    temp.parent.mkdir(parents=True)  # the build makes the working file's folder
    con = duckdb.connect(str(tmp_path / "w.duckdb"), config={k: str(v) for k, v in config.items()})
    con.execute("set memory_limit = '40MB'")
    con.execute("set preserve_insertion_order = false")
    con.execute("create table t as select range as i, md5(range::varchar) as s from range(2000000)")
    spilled = con.execute("select count(*) from (select * from t order by s)").fetchone()[0]
    assert spilled == 2_000_000
    assert con.execute("select current_setting('temp_directory')").fetchone()[0] == str(temp)
    with pytest.raises(duckdb.NotImplementedException, match="Cannot switch temporary directory"):
        con.cursor().execute(f"SET temp_directory = '{temp}'")  # the query did spill
    cursor = con.cursor()
    for key, value in settings.items():  # what dbt-duckdb does for each new cursor
        cursor.execute(f"SET {key} = '{value}'")
    assert cursor.execute("select count(*) from t").fetchone()[0] == 2_000_000
