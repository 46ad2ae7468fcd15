-- quarantine_rows for the group `stock` (macros/quarantine.sql): the inventory snapshots and purchase receipts of
-- every platform. Ephemeral, read only by quarantine_rows.
{{ storeops.quarantine_rows_of('stock') }}
