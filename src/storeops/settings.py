"""Where things live. Every path can be overridden from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SALT = "storeops-default-salt"


@dataclass(frozen=True)
class Settings:
    """Resolved locations and secrets for one run."""

    project_dir: Path
    exports_dir: Path
    workfile: Path
    warehouse: Path
    pii_salt: str

    @property
    def marts_parquet_dir(self) -> Path:
        return self.warehouse.parent / "marts"

    @property
    def data_docs_dir(self) -> Path:
        """Great Expectations' HTML Data Docs of the last validation."""
        return self.project_dir / "target" / "data_docs"


def find_project_dir(start: Path | None = None) -> Path:
    """The repository root: the nearest folder holding dbt_project.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "dbt_project.yml").is_file():
            return folder
    raise SystemExit(
        f"storeops: no dbt_project.yml in {here} or above; run storeops from the repository."
    )


def load_settings(project_dir: Path | None = None) -> Settings:
    """Settings from the environment, relative paths taken from the repository root.

    STOREOPS_EXPORTS    exports folder                 (default exports/)
    STOREOPS_WAREHOUSE  published warehouse file       (default warehouse/storeops.duckdb)
    STOREOPS_WORKFILE   working file dbt builds into   (default warehouse/build/storeops.duckdb)
    STOREOPS_PII_SALT   salt for hashing PII columns   (default: a fixed demo salt; set your own)
    """
    root = project_dir or find_project_dir()

    def path(var: str, default: str) -> Path:
        value = Path(os.environ.get(var) or default)
        return value if value.is_absolute() else root / value

    return Settings(
        project_dir=root,
        exports_dir=path("STOREOPS_EXPORTS", "exports"),
        workfile=path("STOREOPS_WORKFILE", "warehouse/build/storeops.duckdb"),
        warehouse=path("STOREOPS_WAREHOUSE", "warehouse/storeops.duckdb"),
        pii_salt=os.environ.get("STOREOPS_PII_SALT") or DEFAULT_SALT,
    )
