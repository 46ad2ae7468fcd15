-- quarantine_rows for the group `alibaba_com` (macros/quarantine.sql): ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('alibaba_com') }}
