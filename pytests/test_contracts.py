"""The contracts are the one description of each export: dbt's sources and models follow them."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import REPO

from storeops.contracts import NUMERIC_TYPES, load_contracts


# what landing adds to every raw table beside the contract's headers
LANDING_COLUMNS = {"_extra", "_file_hash", "_file_path", "_file_seq", "_loaded_at", "_row_number"}
# exports whose date column is optional; their base models are built whole (DECISIONLOG I3)
UNDATED_EXPORTS = {"tmall__order_items", "generic__order_items"}


def yaml_docs(pattern: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REPO.glob(pattern))]


def test_contract_keys_and_types_are_consistent():
    contracts = load_contracts()
    assert len({c.key for c in contracts}) == len(contracts) == 24
    for c in contracts:
        names = [col.name for col in c.columns]
        assert len(set(names)) == len(names), c.key
        spellings = [s for col in c.columns for s in col.spellings]
        assert len(set(spellings)) == len(spellings), f"{c.key}: a header spelling names two columns"
        # a key may end in an optional detail column (source detail, ad unit): NULL is one value of it
        assert c.column(c.natural_key[0]).required, c.key
        # an item export may have no date at all (the older 宝贝报表): its base model is a table, not incremental
        assert c.column(c.date_column).required or c.key in UNDATED_EXPORTS, c.key
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
        stale = declared[c.key] - set(c.headers) - LANDING_COLUMNS
        assert not stale, f"raw.{c.key}: the source YAML declares columns the contract does not have: {stale}"


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


def test_dbt_reads_the_contracts_as_they_are():
    """macros/export_contracts.sql is what dbt's staging macros read: generated, never hand-edited."""
    from storeops import dbt_contracts

    generated = (REPO / dbt_contracts.GENERATED).read_text(encoding="utf-8")
    assert generated == dbt_contracts.render(), "out of date: run `storeops contracts --write`"
    for c in load_contracts():
        assert f"\n{c.key}:\n" in generated, c.key
        for col in c.columns:
            assert f"{{name: {col.name}, header: '{col.header}', type: {col.type}" in generated, (c.key, col.name)


def test_staging_models_come_from_the_contracts():
    """Each base model is the contract's macro call and nothing else; each stg_ view selects the contract's
    current rows and adds only what is particular to its export."""
    comment = re.compile(r"^\s*--.*$", re.MULTILINE)
    for c in load_contracts():
        folder = REPO / "models" / "staging" / c.platform
        base = comment.sub("", (folder / "base" / f"base_{c.key}.sql").read_text(encoding="utf-8")).strip()
        assert base == f"{{{{ storeops.base_export('{c.platform}', '{c.report}') }}}}", c.key
        stg = (folder / f"stg_{c.key}.sql").read_text(encoding="utf-8")
        assert f"{{{{ storeops.current_export_rows('{c.platform}', '{c.report}') }}}}" in stg, c.key
        assert "ref('base_" not in stg, f"stg_{c.key} reads its base model only through current_export_rows"


def test_shop_time_offsets_follow_the_contracts_time_zones():
    """macros/shop_time.sql converts with the generated shop_utc_offset_hours(): each platform's contract
    `timezone` as a fixed offset, only where the zone keeps that offset all year (no daylight saving)."""
    from storeops.dbt_contracts import fixed_utc_offset_hours, render

    assert fixed_utc_offset_hours("Asia/Shanghai") == 8
    assert fixed_utc_offset_hours("Europe/London") is None  # daylight saving: no fixed offset
    assert fixed_utc_offset_hours("America/Los_Angeles") is None
    assert fixed_utc_offset_hours("local") is None
    assert fixed_utc_offset_hours("Asia/Kolkata") is None  # UTC+5:30 is not whole hours
    assert "{{ return({'made_in_china': 8, 'manual': 8, 'site': 8, 'tmall': 8}) }}" in render()


def test_row_rules_name_real_columns_and_their_values_have_a_meaning():
    """Row rules (contract `rules:`) are checked by validation and staging alike; the campaign calendar's
    accepted spellings (types, weekdays) each have a meaning in macros/campaigns.sql."""
    from storeops.contracts import get_contract

    for c in load_contracts():
        for rule in c.rules:
            assert rule.column in {col.name for col in c.columns}, c.key
    calendar = get_contract("manual", "campaigns")
    meanings = (REPO / "macros" / "campaigns.sql").read_text(encoding="utf-8")
    accepted = {r.column: r.values for r in calendar.rules if r.check == "one_of"}
    for spelling in accepted["recurring_weekday"]:
        assert f"'{spelling}'" in meanings, spelling
    codes = {"platform_festival", "member_day", "theme_week", "presale", "other"}
    for spelling in accepted["campaign_type"]:
        assert spelling in codes or f"when '{spelling}' then" in meanings, spelling
    recurring = {r.values for r in calendar.rules if r.check in ("required_when", "empty_unless")}
    assert recurring == {("member_day", "会员日")}, "the recurring types of the rules are macros/campaigns.sql's"
    assert "{{ return(['member_day']) }}" in meanings


def test_undated_exports_are_built_whole():
    """An incremental base model takes new rows by their dates: an export whose files may have no date
    column is a table instead (its base model's config in _<platform>__base.yml)."""
    for key in UNDATED_EXPORTS:
        platform = key.split("__")[0]
        doc = yaml.safe_load((REPO / "models" / "staging" / platform / "base" / f"_{platform}__base.yml").read_text(
            encoding="utf-8"))
        model = next(m for m in doc["models"] if m["name"] == f"base_{key}")
        assert model["config"]["materialized"] == "table", key
