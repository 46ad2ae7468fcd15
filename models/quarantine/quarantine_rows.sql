-- One row per raw row that is not in staging, with the reason: rows that do not parse
-- (parse_error), lack a required value (missing_required) or were re-exported later
-- (superseded). A union of one ephemeral model per group of exports (quarantine_rows__<group>,
-- the platforms, with the exceptions macros/quarantine.sql states), over the one list of exports in contracts
-- (macros/export_contracts.sql, generated from src/storeops/contracts/); macros/quarantine.sql
-- writes each group's rows once. A group without its model file is a compile error here.
{{ storeops.union_parts('quarantine_rows__', storeops.quarantine_groups(), [
    'platform', 'report', 'file_path', 'row_number', 'file_seq', 'reason_code', 'reason', 'loaded_at',
]) }}
