-- Base model for tmall/service_tickets: every raw row, typed, with why it is rejected or superseded.
-- Customer-service tickets (客服工单), one row per ticket.
-- Times are China Standard Time (UTC+8), naive, as exported.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__service_tickets. Natural key: ticket_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'service_tickets') }}
