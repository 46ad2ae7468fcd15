"""Does the pandas peer compute the same marts as the warehouse? Row counts, keys, every shared column.

    python bench/compare.py <published warehouse.duckdb> <peer output folder>

Counts must agree exactly, money to the cent, rates and fractional attribution to 1e-9 (relative).
The spot check the benchmark prints: daily GMV per platform (own shop and Tmall) of the funnel mart,
peer against warehouse, to the cent.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

KEYS = {
    "fct_funnel_daily": ["stat_date", "platform", "store_id", "channel"],
    "fct_channel_roi_daily": ["stat_date", "platform", "channel", "attribution_model"],
    "fct_member_cohorts": ["platform", "cohort_month", "months_since_first"],
}
WHERE = {"fct_channel_roi_daily": "attribution_model = 'last_click'"}
CENT = 0.005
RELATIVE = 1e-9


@dataclass
class MartCheck:
    """How one peer mart compares with the warehouse's."""

    mart: str
    peer_rows: int
    warehouse_rows: int
    only_in_peer: int
    only_in_warehouse: int
    columns_compared: int
    cells_compared: int
    cells_different: int
    different_columns: dict[str, int] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        return not (self.only_in_peer or self.only_in_warehouse or self.cells_different)


def _key_text(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    out = frame.copy()
    for k in keys:
        if pd.api.types.is_datetime64_any_dtype(out[k]):
            out[k] = out[k].dt.strftime("%Y-%m-%d")
        else:
            out[k] = out[k].astype("str")
    return out


def _differs(peer: pd.Series, warehouse: pd.Series, sql_type: str) -> np.ndarray:
    """Cell by cell: NULL vs value, or apart: money (DECIMAL) by a cent, doubles by a relative 1e-9,
    integers at all; anything else compared as text."""
    p_null, w_null = peer.isna().to_numpy(), warehouse.isna().to_numpy()
    if not sql_type.startswith(("DECIMAL", "DOUBLE", "BIGINT", "INTEGER", "HUGEINT")):
        same = (peer.astype("str").to_numpy() == warehouse.astype("str").to_numpy()) | (p_null & w_null)
        return ~same
    p = pd.to_numeric(peer, errors="coerce").to_numpy(dtype="float64")
    w = pd.to_numeric(warehouse, errors="coerce").to_numpy(dtype="float64")
    floor = CENT if sql_type.startswith("DECIMAL") else (1e-12 if sql_type == "DOUBLE" else 0.0)
    tolerance = np.maximum(floor, RELATIVE * np.abs(w))
    with np.errstate(invalid="ignore"):
        close = np.abs(p - w) <= np.where(np.isnan(w), 0, tolerance)
    return ~((p_null & w_null) | (~p_null & ~w_null & close))


def compare_mart(con: duckdb.DuckDBPyConnection, mart: str, peer: pd.DataFrame) -> MartCheck:
    keys = KEYS[mart]
    where = f" where {WHERE[mart]}" if mart in WHERE else ""
    relation = con.sql(f"select * from marts.{mart}{where}")
    types = dict(zip(relation.columns, (str(t) for t in relation.types)))
    warehouse = relation.df()
    p, w = _key_text(peer, keys), _key_text(warehouse, keys)
    merged = p.merge(w, how="outer", on=keys, suffixes=("_peer", ""), indicator=True)
    both = merged[merged["_merge"] == "both"]
    shared = [c for c in warehouse.columns if c not in keys and c in peer.columns]
    different: dict[str, int] = {}
    for column in shared:
        count = int(_differs(both[f"{column}_peer"], both[column], types[column]).sum())
        if count:
            different[column] = count
    return MartCheck(
        mart=mart, peer_rows=len(peer), warehouse_rows=len(warehouse),
        only_in_peer=int((merged["_merge"] == "left_only").sum()),
        only_in_warehouse=int((merged["_merge"] == "right_only").sum()),
        columns_compared=len(shared), cells_compared=len(shared) * len(both),
        cells_different=sum(different.values()), different_columns=different,
    )


def gmv_spot_check(con: duckdb.DuckDBPyConnection, funnel: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Daily GMV totals per platform (site, tmall): days compared and the largest difference in yuan."""
    warehouse = con.execute(
        "select stat_date, platform, sum(gmv) as gmv from marts.fct_funnel_daily "
        "where platform in ('site', 'tmall') group by all"
    ).df()
    peer = funnel[funnel.platform.isin(["site", "tmall"])].groupby(["stat_date", "platform"], as_index=False).gmv.sum()
    merged = _key_text(peer, ["stat_date", "platform"]).merge(
        _key_text(warehouse, ["stat_date", "platform"]), on=["stat_date", "platform"], how="outer",
        suffixes=("_peer", "_warehouse"))
    out = {}
    for platform, rows in merged.groupby("platform"):
        diff = (rows.gmv_peer.astype("float64") - rows.gmv_warehouse.astype("float64")).abs()
        out[str(platform)] = {
            "days": int(len(rows)),
            "total_gmv": round(float(rows.gmv_warehouse.astype("float64").sum()), 2),
            "max_abs_diff": round(float(diff.max()), 6) if diff.notna().all() else float("nan"),
            "days_off_by_a_cent_or_more": int((diff.isna() | (diff >= CENT)).sum()),
        }
    return out


def compare(warehouse: Path, peer_dir: Path) -> dict[str, object]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = {m: pd.read_pickle(peer_dir / f"{m}.pkl") for m in KEYS}
        checks = [compare_mart(con, m, frame) for m, frame in marts.items()]
        spot = gmv_spot_check(con, marts["fct_funnel_daily"])
    finally:
        con.close()
    return {"marts": [asdict(c) | {"identical": c.identical} for c in checks], "gmv_spot_check": spot}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("warehouse", type=Path)
    p.add_argument("peer_dir", type=Path)
    args = p.parse_args(argv)
    print(json.dumps(compare(args.warehouse, args.peer_dir), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
