-- quarantine_rows for the group `b2b` (macros/quarantine.sql): ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('b2b') }}
