"""Where things live. Every path can be overridden from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storeops.parse_rules import DEFAULT_EARLIEST_DATE

DEFAULT_SALT = "storeops-default-salt"
DEFAULT_MAX_REJECT_SHARE = "0.5"


@dataclass(frozen=True)
class Settings:
    """Resolved locations and secrets for one run."""

    project_dir: Path
    exports_dir: Path
    workfile: Path
    warehouse: Path
    pii_salt: str
    earliest_date: date  # rows dated before it are rejected (validation and dbt alike)
    max_reject_share: float  # a file with a larger share of its rows rejected by one check is blocked

    @property
    def marts_parquet_dir(self) -> Path:
        return self.warehouse.parent / "marts"

    @property
    def transcoded_dir(self) -> Path:
        """One build's file cache: UTF-8 copies of GBK files and the files' hashes (discovery.FileCache)."""
        return self.workfile.parent / "transcoded"

    @property
    def data_docs_dir(self) -> Path:
        """Great Expectations' HTML Data Docs of the last validation (STOREOPS_DATA_DOCS, default target/data_docs)."""
        return self.project_dir / os.environ.get("STOREOPS_DATA_DOCS", "target/data_docs")


def find_project_dir(start: Path | None = None) -> Path:
    """The repository root: the nearest folder holding dbt_project.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "dbt_project.yml").is_file():
            return folder
    raise SystemExit(
        f"storeops: no dbt_project.yml in {here} or above; run storeops from the repository."
    )


def earliest_date_from_env() -> date:
    """STOREOPS_EARLIEST_DATE (YYYY-MM-DD, default 1990-01-01): rows dated before it are rejected.

    Validation and dbt (var earliest_export_date, which storeops build passes on) use the same day."""
    value = os.environ.get("STOREOPS_EARLIEST_DATE") or DEFAULT_EARLIEST_DATE
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise SystemExit(
            f"storeops: STOREOPS_EARLIEST_DATE={value!r} is not a date in the format YYYY-MM-DD "
            f"(e.g. 1995-01-01: rows dated before it are rejected); leave it unset for {DEFAULT_EARLIEST_DATE}."
        ) from None


def max_reject_share_from_env() -> float:
    """STOREOPS_MAX_REJECT_SHARE (a fraction in (0, 1], default 0.5): a file with a larger share of its
    rows rejected by one row-level check is blocked (most likely a mapping problem); 1 never blocks."""
    value = os.environ.get("STOREOPS_MAX_REJECT_SHARE") or DEFAULT_MAX_REJECT_SHARE
    try:
        share = float(value)
    except ValueError:
        share = float("nan")
    if not 0 < share <= 1:  # NaN fails too
        raise SystemExit(
            f"storeops: STOREOPS_MAX_REJECT_SHARE={value!r} is not a fraction in (0, 1] such as 0.5 "
            "(a file with a larger share of its rows rejected by one check is blocked; 1 never blocks); "
            f"leave it unset for {DEFAULT_MAX_REJECT_SHARE}."
        )
    return share


def load_settings(project_dir: Path | None = None) -> Settings:
    """Settings from the environment, relative paths taken from the repository root.

    STOREOPS_EXPORTS           exports folder                 (default exports/)
    STOREOPS_WAREHOUSE         published warehouse file       (default warehouse/storeops.duckdb)
    STOREOPS_WORKFILE          working file dbt builds into   (default <warehouse folder>/build/<warehouse name>)
    STOREOPS_DATA_DOCS         Great Expectations Data Docs   (default target/data_docs)
    STOREOPS_PII_SALT          salt for hashing PII columns   (default: a fixed demo salt; set your own)
    STOREOPS_EARLIEST_DATE     rows dated before it are rejected (YYYY-MM-DD, default 1990-01-01)
    STOREOPS_MAX_REJECT_SHARE  a file with more of its rows rejected by one check is blocked (default 0.5)
    """
    root = project_dir or find_project_dir()

    def path(var: str, default: str) -> Path:
        value = Path(os.environ.get(var) or default)
        return value if value.is_absolute() else root / value

    warehouse = path("STOREOPS_WAREHOUSE", "warehouse/storeops.duckdb")
    # dbt's views name their catalog after the working file: the published copy must keep that name
    workfile = path("STOREOPS_WORKFILE", str(warehouse.parent / "build" / warehouse.name))
    if workfile.stem != warehouse.stem:
        raise SystemExit(
            f"storeops: the working file {workfile} and the published warehouse {warehouse} must have the "
            "same file name (DuckDB names the catalog after it, and the published views refer to it); "
            "set STOREOPS_WORKFILE to a file named "
            f"{warehouse.name} or leave it unset."
        )
    return Settings(
        project_dir=root,
        exports_dir=path("STOREOPS_EXPORTS", "exports"),
        workfile=workfile,
        warehouse=warehouse,
        pii_salt=os.environ.get("STOREOPS_PII_SALT") or DEFAULT_SALT,
        earliest_date=earliest_date_from_env(),
        max_reject_share=max_reject_share_from_env(),
    )
