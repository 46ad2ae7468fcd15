"""Export contracts: one YAML file per platform, one entry per report.

The contracts are the single description of every export. The generator writes
files that follow them, landing reads files through them, and the staging
models are checked against them by the test suite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

NUMERIC_TYPES = frozenset({"integer", "decimal", "money", "percent", "epoch_us"})
TYPES = NUMERIC_TYPES | {"text", "date", "timestamp"}


@dataclass(frozen=True)
class Column:
    """One column of an export: the platform's header and our English name."""

    name: str
    header: str
    type: str
    required: bool = False
    nullable: bool = False
    pii: bool = False
    # a `decimal` column that holds an amount: typed as money, and named an amount in reject reasons
    amount: bool = False
    aliases: tuple[str, ...] = ()
    # a `date` of a plan (a campaign's start and end): may lie after the day the file is landed
    planned: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every header text that names this column (surrounding spaces ignored)."""
        return (self.header, *self.aliases)


RULE_CHECKS = frozenset({"not_before", "one_of", "required_when", "empty_unless"})


@dataclass(frozen=True)
class RowRule:
    """A check on the values of one row beyond its types, declared by a contract (`rules:`).

    - `not_before`: `column` may not lie before `other` (both dates or timestamps);
    - `one_of`: `column`, trimmed and in lower case, is one of `values`;
    - `required_when`: `column` needs a value when `when` (trimmed, lower case) is one of `values`;
    - `empty_unless`: `column` stays empty unless `when` is one of `values`.
    A row that breaks a rule is quarantined (`invalid_value`) with the rule's reason; validation checks
    the same rules.
    """

    check: str
    column: str
    other: str | None = None
    when: str | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contract:
    """One platform/report pair."""

    platform: str
    report: str
    description: str
    encoding: str
    timezone: str
    natural_key: tuple[str, ...]
    date_column: str
    columns: tuple[Column, ...] = field(default_factory=tuple)
    rules: tuple[RowRule, ...] = field(default_factory=tuple)

    @property
    def key(self) -> str:
        """`<platform>__<report>`: the name of the raw table and of the staging model."""
        return f"{self.platform}__{self.report}"

    @property
    def folder(self) -> str:
        return f"{self.platform}/{self.report}"

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.key} has no column {name!r}")

    def match_header(self, text: str) -> Column | None:
        """The column a file header names, ignoring surrounding spaces."""
        wanted = text.strip().lstrip("\ufeff").strip()
        for c in self.columns:
            if wanted in c.spellings:
                return c
        return None


def _parse(platform_doc: dict) -> list[Contract]:
    platform = platform_doc["platform"]
    out = []
    for report, spec in platform_doc["reports"].items():
        cols = tuple(
            Column(
                name=c["name"],
                header=c["header"],
                type=c["type"],
                required=bool(c.get("required", False)),
                nullable=bool(c.get("nullable", False)),
                pii=bool(c.get("pii", False)),
                amount=bool(c.get("amount", False)),
                aliases=tuple(c.get("aliases", ())),
                planned=bool(c.get("planned", False)),
            )
            for c in spec["columns"]
        )
        for c in cols:
            if c.type not in TYPES:
                raise ValueError(f"{platform}/{report}: column {c.name} has unknown type {c.type!r}")
            if c.planned and c.type not in ("date", "timestamp"):
                raise ValueError(f"{platform}/{report}: column {c.name}: `planned` applies to dates only")
            if c.amount and c.type != "decimal":
                raise ValueError(f"{platform}/{report}: column {c.name}: `amount` applies to decimal columns only")
        contract = Contract(
            platform=platform,
            report=report,
            description=spec.get("description", ""),
            encoding=spec.get("encoding", "utf-8"),
            timezone=spec.get("timezone", platform_doc.get("timezone", "UTC")),
            natural_key=tuple(spec["natural_key"]),
            date_column=spec["date_column"],
            columns=cols,
            rules=tuple(_rule(r) for r in spec.get("rules", ())),
        )
        for name in (*contract.natural_key, contract.date_column):
            contract.column(name)
        for rule in contract.rules:
            for name in (rule.column, rule.other, rule.when):
                if name is not None:
                    contract.column(name)
        out.append(contract)
    return out


def _rule(spec: dict) -> RowRule:
    rule = RowRule(
        check=spec["check"],
        column=spec["column"],
        other=spec.get("other"),
        when=spec.get("when"),
        values=tuple(str(v).strip().lower() for v in spec.get("values", ())),
    )
    if rule.check not in RULE_CHECKS:
        raise ValueError(f"unknown rule check {rule.check!r}")
    needs = {"not_before": rule.other, "one_of": rule.values, "required_when": rule.when and rule.values,
             "empty_unless": rule.when and rule.values}
    if not needs[rule.check]:
        raise ValueError(f"rule {rule.check} on {rule.column}: incomplete ({spec})")
    return rule


@cache
def load_contracts() -> tuple[Contract, ...]:
    """Every contract, in a stable order (platform file name, then report order)."""
    folder = resources.files("storeops") / "contracts"
    docs = sorted((p for p in folder.iterdir() if p.name.endswith(".yml")), key=lambda p: p.name)
    contracts: list[Contract] = []
    for doc in docs:
        contracts.extend(_parse(yaml.safe_load(doc.read_text(encoding="utf-8"))))
    return tuple(contracts)


def get_contract(platform: str, report: str) -> Contract:
    for c in load_contracts():
        if c.platform == platform and c.report == report:
            return c
    raise KeyError(f"no export contract for {platform}/{report}")
