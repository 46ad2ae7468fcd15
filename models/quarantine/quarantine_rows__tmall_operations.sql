-- quarantine_rows for the group `tmall_operations` (macros/quarantine.sql): ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('tmall_operations') }}
