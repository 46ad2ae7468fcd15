-- Generic customer-service tickets, one row per ticket.
-- Good, latest rows of generic/service_tickets: one row per ticket_id.
-- Times are read as given, naive.
{{ storeops.current_export_rows('generic', 'service_tickets') }}
