"""DuckDB connections with the extensions storeops needs, loaded from their PyPI wheels."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import duckdb

# DuckDB 1.5.x cannot download extensions here; these wheels ship them.
_EXTENSION_MODULES = ("duckdb_extension_encodings", "duckdb_extension_excel")


def extension_path(module_name: str) -> Path:
    """The `.duckdb_extension` file shipped inside an extension wheel."""
    package_dir = Path(import_module(module_name).__file__ or "").parent
    found = sorted(package_dir.glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not found:
        raise RuntimeError(
            f"{module_name} ships no extension for DuckDB {duckdb.__version__}; "
            "reinstall the pinned packages with `make build`."
        )
    return found[0]


def connect(path: Path | str = ":memory:", read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB database with the encodings (GBK/GB18030) and excel extensions loaded."""
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    load_extensions(con)
    return con


def load_extensions(con: duckdb.DuckDBPyConnection) -> None:
    """Load the encodings and excel extensions into a connection (also dbt's, in the landing model)."""
    for module_name in _EXTENSION_MODULES:
        con.execute(f"load '{extension_path(module_name)}'")
