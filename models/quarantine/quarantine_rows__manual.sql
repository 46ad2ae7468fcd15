-- quarantine_rows for the group `manual` (macros/quarantine.sql): ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('manual') }}
