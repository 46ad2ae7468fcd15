-- Base model for generic/service_tickets: every raw row, typed, with why it is rejected or superseded.
-- Generic customer-service tickets, one row per ticket.
-- Times are read as given, naive.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__service_tickets. Natural key: ticket_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'service_tickets') }}
