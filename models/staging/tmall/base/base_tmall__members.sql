-- Base model for tmall/members: every raw row, typed, with why it is rejected or superseded.
-- Member export (会员列表), one row per member as of the export.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__members. Natural key: buyer_nick; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'members') }}
