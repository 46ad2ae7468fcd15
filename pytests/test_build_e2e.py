"""End to end through the CLI: real files, real landing, real dbt, real DuckDB."""

from __future__ import annotations

import json
from collections import Counter

import duckdb
from conftest import MODELS_ONLY, run_build, write_export

from storeops.contracts import load_contracts

GENERIC_HEADER = ["order_id", "customer_id", "ordered_at", "amount", "status", "paid_at"]


def test_generic_only_folder_builds_and_a_reader_never_blocks_the_next_build(tmp_path):
    exports = tmp_path / "exports"
    write_export(exports, "generic", "orders", "2024-01.csv", GENERIC_HEADER, [
        ["A1", "c1", "2024-01-02 10:00:00", "120.50", "paid", "2024-01-02 10:01:00"],
        ["A2", "c2", "2024-01-03 11:00:00", "80", "paid", "2024-01-03 11:00:00"],
        ["A3", "c1", "2024-02-03 11:00:00", "not a number", "paid", "2024-02-03 11:00:00"],
    ])
    first = run_build(tmp_path, exports, warehouse_name="shop_analytics.duckdb")  # a name of the user's choosing
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-4000:]
    published = tmp_path / "published" / "shop_analytics.duckdb"
    # the daily build runs every data test and leaves dbt's unit tests to `make test` (DECISIONLOG V1)
    ran = Counter(r["unique_id"].split(".")[0]
                  for r in json.loads((tmp_path / "target" / "run_results.json").read_text())["results"])
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    declared = Counter(key.split(".")[0] for key, node in [*manifest["nodes"].items(), *manifest["unit_tests"].items()]
                       if node.get("config", {}).get("materialized") != "ephemeral")  # ephemeral models do not run
    assert declared["unit_test"] > 0 and ran["unit_test"] == 0, (declared, ran)
    assert ran["test"] == declared["test"] and ran["model"] == declared["model"], (declared, ran)

    reader = duckdb.connect(str(published), read_only=True)
    schemas = {r[0] for r in reader.execute("select schema_name from information_schema.schemata").fetchall()}
    assert {"raw", "staging", "quarantine"} <= schemas
    relations = {
        (r[0], r[1])
        for r in reader.execute("select table_schema, table_name from information_schema.tables").fetchall()
    }
    for contract in load_contracts():
        assert ("raw", contract.key) in relations
        assert ("staging", f"stg_{contract.key}") in relations
    assert reader.execute("select count(*) from staging.stg_generic__orders").fetchone() == (2,)
    reason = reader.execute(
        "select reason from quarantine.quarantine_rows where file_path = 'generic/orders/2024-01.csv' and row_number = 3"
    ).fetchone()
    assert reason is not None and "not a number" in reason[0]

    write_export(exports, "generic", "orders", "2024-02.csv", GENERIC_HEADER, [
        ["A4", "c3", "2024-02-05 09:00:00", "15", "paid", "2024-02-05 09:00:00"],
    ])
    # the second build is about publishing under a reader: models only (the first ran every data test)
    second = run_build(tmp_path, exports, warehouse_name="shop_analytics.duckdb", dbt_args=MODELS_ONLY)
    assert second.returncode == 0, second.stdout[-4000:] + second.stderr[-4000:]
    assert reader.execute("select count(*) from staging.stg_generic__orders").fetchone() == (2,)  # old version
    reader.close()
    fresh = duckdb.connect(str(published), read_only=True)
    assert fresh.execute("select count(*) from staging.stg_generic__orders").fetchone() == (3,)
    fresh.close()


def test_a_file_that_cannot_be_landed_fails_the_build_by_name(tmp_path):
    exports = tmp_path / "exports"
    write_export(exports, "generic", "orders", "no_customer.csv", ["order_id", "ordered_at", "amount"],
                 [["A1", "2024-01-02 10:00:00", "1"]])
    result = run_build(tmp_path, exports)
    assert result.returncode != 0
    assert "generic/orders/no_customer.csv" in result.stdout and "customer_id" in result.stdout
    assert not (tmp_path / "published" / "storeops.duckdb").exists()
