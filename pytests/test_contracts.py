"""The contracts are the one description of each export: dbt's sources and models follow them."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import REPO

from storeops.contracts import NUMERIC_TYPES, load_contracts


def yaml_docs(pattern: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REPO.glob(pattern))]


def test_contract_keys_and_types_are_consistent():
    contracts = load_contracts()
    assert len({c.key for c in contracts}) == len(contracts) == 12
    for c in contracts:
        names = [col.name for col in c.columns]
        assert len(set(names)) == len(names), c.key
        spellings = [s for col in c.columns for s in col.spellings]
        assert len(set(spellings)) == len(spellings), f"{c.key}: a header spelling names two columns"
        # a key may end in an optional detail column (source detail, ad unit): NULL is one value of it
        assert c.column(c.natural_key[0]).required, c.key
        assert c.column(c.date_column).required, c.key
        assert not any(col.pii and col.type in NUMERIC_TYPES for col in c.columns)


def test_dbt_sources_declare_every_contract_header():
    declared: dict[str, set[str]] = {}
    for doc in yaml_docs("models/staging/*/_*__sources.yml"):
        for source in doc["sources"]:
            assert source.get("schema") == "raw"
            for table in source["tables"]:
                identifier = table.get("identifier", table["name"])
                declared[identifier] = {col["name"] for col in table.get("columns", [])}
    for c in load_contracts():
        assert c.key in declared, f"no dbt source for raw.{c.key}"
        missing = set(c.headers) - declared[c.key]
        assert not missing, f"raw.{c.key}: headers not declared in the source YAML: {missing}"


def test_staging_models_document_every_contract_column():
    documented: dict[str, set[str]] = {}
    for doc in yaml_docs("models/staging/*/_*__models.yml"):
        for model in doc.get("models", []):
            documented[model["name"]] = {col["name"] for col in model.get("columns", [])}
    for c in load_contracts():
        model = f"stg_{c.key}"
        assert model in documented, f"{model} is not documented"
        missing = {col.name for col in c.columns} - documented[model]
        assert not missing, f"{model}: contract columns not documented: {missing}"
        sql = REPO / "models" / "staging" / c.platform / f"{model}.sql"
        assert sql.is_file(), sql


def test_dbt_export_list_equals_the_contracts():
    project = yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))
    assert sorted(project["vars"]["storeops_exports"]) == sorted(c.key for c in load_contracts())


def test_shop_time_offsets_follow_the_contracts_time_zones():
    """macros/shop_time.sql converts with var shop_utc_offset_hours: each entry is its platform's contract
    `timezone` as a fixed offset, and that zone keeps the offset all year (no daylight saving)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    offsets = yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]["shop_utc_offset_hours"]
    zones = {c.platform: c.timezone for c in load_contracts()}
    assert offsets, "no shop time offsets"
    for platform, hours in offsets.items():
        zone = ZoneInfo(zones[platform])
        seen = {datetime(2024, month, 15, tzinfo=zone).utcoffset().total_seconds() / 3600 for month in range(1, 13)}
        assert seen == {hours}, f"{platform}: {zones[platform]} is UTC{sorted(seen)} over a year, the var says {hours}"
