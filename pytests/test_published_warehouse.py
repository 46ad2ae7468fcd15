"""Checks on the warehouse `make build` published from the exports folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest

from storeops.contracts import get_contract, load_contracts
from storeops.reader import detect_encoding
from storeops.settings import load_settings

# a mainland mobile number standing alone (not inside an order number or a hash)
PHONE = r"(^|[^0-9A-Za-z])1[3-9][0-9]{9}([^0-9A-Za-z]|$)"


@pytest.fixture(scope="module")
def published() -> duckdb.DuckDBPyConnection:
    settings = load_settings()
    if not settings.warehouse.exists():
        pytest.fail(f"no published warehouse at {settings.warehouse}: `make test` builds it before pytest")
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    yield con
    con.close()


def clear_pii_values(exports_dir: Path) -> set[str]:
    """Every PII value (buyer nick, phone, address, ...) from the Tmall order export files, in clear."""
    contract = get_contract("tmall", "orders")
    pii_headers = {c.header for c in contract.columns if c.pii}
    values: set[str] = set()
    for path in sorted((exports_dir / contract.folder).glob("*.csv")):
        text = path.read_bytes().decode("gb18030" if detect_encoding(path) == "gb18030" else "utf-8-sig")
        for row in csv.DictReader(io.StringIO(text)):
            for header, value in row.items():
                if header and header.strip() in pii_headers and value and value.strip():
                    values.add(value.strip())
    return values


def test_every_export_is_in_raw_and_staging(published):
    relations = {
        (r[0], r[1])
        for r in published.execute("select table_schema, table_name from information_schema.tables").fetchall()
    }
    for contract in load_contracts():
        assert ("raw", contract.key) in relations
        assert ("staging", f"stg_{contract.key}") in relations
        staged = published.execute(f"select count(*) from staging.stg_{contract.key}").fetchone()[0]
        assert staged > 0, f"the demo build staged no {contract.key} rows"
    assert ("quarantine", "quarantine_rows") in relations


def test_no_pii_from_the_tmall_order_export_in_clear(published):
    values = clear_pii_values(load_settings().exports_dir)
    assert len(values) > 100, "the demo Tmall order export should carry buyer nicks, phones and addresses"
    published.execute("create temp table pii as select unnest(?::varchar[]) as value", [sorted(values)])
    text_columns = published.execute(
        "select table_schema, table_name, list(column_name order by ordinal_position) "
        "from information_schema.columns "
        "where data_type = 'VARCHAR' and table_catalog = current_database() group by all"
    ).fetchall()
    leaks = []
    for schema, table, columns in text_columns:  # one scan per table or view, every text column
        checks = ", ".join(
            f'max(case when "{c}" in (select value from pii) or regexp_matches("{c}", \'{PHONE}\') '
            f'then "{c}" end)'
            for c in columns
        )
        found = published.execute(f'select {checks} from "{schema}"."{table}"').fetchone()
        leaks += [f"{schema}.{table}.{c}: {v[:40]}" for c, v in zip(columns, found) if v is not None]
    assert not leaks, leaks
