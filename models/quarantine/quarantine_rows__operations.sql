-- quarantine_rows for the group `operations` (macros/quarantine.sql): ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('operations') }}
