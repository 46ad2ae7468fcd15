-- Base model for tmall/refunds: every raw row, typed, with why it is rejected or superseded.
-- Refund export (退款报表), one row per refund request.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__refunds. Natural key: refund_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'refunds') }}
