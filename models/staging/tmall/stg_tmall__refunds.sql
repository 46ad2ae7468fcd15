-- Refund export (退款报表), one row per refund request.
-- Good, latest rows of tmall/refunds: one row per refund_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'refunds') }}
