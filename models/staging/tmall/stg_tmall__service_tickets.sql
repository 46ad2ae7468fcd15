-- Customer-service tickets (客服工单), one row per ticket.
-- Good, latest rows of tmall/service_tickets: one row per ticket_id.
-- Times are China Standard Time (UTC+8), naive, as exported.
{{ storeops.current_export_rows('tmall', 'service_tickets') }}
