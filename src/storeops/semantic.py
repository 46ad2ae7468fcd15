"""The semantic layer in process: MetricFlow compiles a metric query to SQL, DuckDB runs it read-only.

The metrics are defined once, in the marts' `_<area>__semantic.yml` (DECISIONLOG N1-N9); dbt writes them to
target/semantic_manifest.json (every `dbt parse` or build). `query` opens the warehouse file read-only for one
query and closes it, so a reader never holds the published file while a build replaces it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow.sql.render.sql_plan_renderer import SqlPlanRenderer
from metricflow_semantics.model.dbt_manifest_parser import parse_manifest_from_dbt_generated_manifest
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup
from metricflow_semantics.sql.sql_bind_parameters import SqlBindParameterSet

from storeops.settings import find_project_dir

# MetricFlow numbers the aliases of a query from a process-wide counter: one engine build or compile at a
# time (a dashboard serves each session from its own thread)
_COMPILE_LOCK = threading.Lock()


class _CompileOnlyClient:
    """MetricFlow's SqlClient for compiling DuckDB SQL only: `query` runs the SQL itself, read-only."""

    @property
    def sql_engine_type(self) -> SqlEngine:
        return SqlEngine.DUCKDB

    @property
    def sql_plan_renderer(self) -> SqlPlanRenderer:
        return DuckDbSqlPlanRenderer()

    def query(
        self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = SqlBindParameterSet()
    ) -> MetricFlowDataTable:
        raise NotImplementedError("storeops.semantic compiles with MetricFlow and runs the SQL on DuckDB itself")

    def execute(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = SqlBindParameterSet()) -> None:
        raise NotImplementedError("storeops.semantic never writes")

    def dry_run(self, stmt: str, sql_bind_parameter_set: SqlBindParameterSet = SqlBindParameterSet()) -> None:
        raise NotImplementedError("storeops.semantic never writes")

    def close(self) -> None:
        return None

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        return f"${bind_parameter_key}"


def manifest_path(project_dir: Path | None = None) -> Path:
    """Where dbt writes the semantic manifest (target/semantic_manifest.json of the repository)."""
    return (project_dir or find_project_dir()) / "target" / "semantic_manifest.json"


@lru_cache(maxsize=4)
def _engine(path: Path, mtime_ns: int) -> tuple[MetricFlowEngine, str]:
    """The engine for one version of the semantic manifest, and the catalog name its SQL reads from."""
    manifest = parse_manifest_from_dbt_generated_manifest(path.read_text(encoding="utf-8"))
    catalogs = {m.node_relation.database for m in manifest.semantic_models}
    if len(catalogs) != 1 or None in catalogs:
        found = sorted(map(str, catalogs))
        raise ValueError(f"{path}: expected the semantic models in one DuckDB catalog, found {found}")
    engine = MetricFlowEngine(SemanticManifestLookup(manifest), _CompileOnlyClient())
    return engine, str(catalogs.pop())


def engine(project_dir: Path | None = None) -> tuple[MetricFlowEngine, str]:
    """The MetricFlow engine over the repository's semantic manifest (rebuilt when dbt rewrites it)."""
    path = manifest_path(project_dir)
    if not path.is_file():
        raise FileNotFoundError(f"no semantic manifest at {path}: run `make build` (or `.venv/bin/dbt parse`) first")
    with _COMPILE_LOCK:
        return _engine(path, path.stat().st_mtime_ns)


def metric_labels(project_dir: Path | None = None) -> dict[str, str]:
    """Every metric's label (English with the operators' Chinese name, e.g. "Payment conversion (支付转化率)")."""
    mf, _ = engine(project_dir)
    return {m.name: m.label or m.name for m in mf.list_metrics(include_dimensions=False)}


def compile_sql(
    metrics: Sequence[str],
    group_by: Sequence[str] = (),
    where: Sequence[str] | None = None,
    order_by: Sequence[str] | None = None,
    limit: int | None = None,
    project_dir: Path | None = None,
) -> str:
    """MetricFlow's DuckDB SQL for a metric query (names as `mf query` takes them)."""
    mf, _ = engine(project_dir)
    request = MetricFlowQueryRequest.create(
        metric_names=list(metrics),
        group_by_names=list(group_by),
        where_constraints=list(where) if where else None,
        order_by_names=list(order_by) if order_by else None,
        limit=limit,
    )
    with _COMPILE_LOCK:
        statement = mf.explain(request).sql_statement
    if statement.bind_parameter_set.param_dict:
        raise NotImplementedError(f"bind parameters in the compiled SQL: {statement.bind_parameter_set}")
    return statement.sql


def query(
    warehouse: Path,
    metrics: Sequence[str],
    group_by: Sequence[str] = (),
    where: Sequence[str] | None = None,
    order_by: Sequence[str] | None = None,
    limit: int | None = None,
    project_dir: Path | None = None,
) -> pd.DataFrame:
    """A metric query on a warehouse file, opened read-only for this query alone.

    `query(path, ["spend", "roas"], ["metric_time__month", "channel_roi__channel"])` is
    `mf query --metrics spend,roas --group-by metric_time__month,channel_roi__channel`.
    """
    sql = compile_sql(metrics, group_by, where, order_by, limit, project_dir)
    _, catalog = engine(project_dir)
    con = duckdb.connect(":memory:")
    try:
        # attached under the catalog name the models were built in, whatever the file is called
        quoted = str(warehouse).replace("'", "''")
        con.execute(f"attach '{quoted}' as \"{catalog}\" (read_only)")
        return con.execute(sql).df()
    finally:
        con.close()
