"""Landing inside dbt: every new export file into raw.<platform>__<report>.

The work is done by `storeops.landing` (PII hashing, one landing per file content),
with `storeops.discovery` (finding files, encoding detection) and `storeops.reader`
(header matching, DuckDB's CSV reader). Running it as the first model means a
hand-run `dbt build` picks up new export files too.
"""


def model(dbt, session):
    dbt.config(materialized="table")
    from storeops.landing import land_in_dbt

    keep_going = str(dbt.config.get("keep_going")).strip().lower() in ("true", "1", "yes")
    return land_in_dbt(session, keep_going=keep_going)
