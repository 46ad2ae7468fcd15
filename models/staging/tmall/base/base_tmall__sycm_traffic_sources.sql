-- Base model for tmall/sycm_traffic_sources: every raw row, typed, with why it is rejected or superseded.
-- Sycm traffic sources by day (生意参谋 流量来源), one row per day, source and source detail.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__sycm_traffic_sources. Natural key: stat_date, traffic_source, source_detail; latest version wins
-- (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'sycm_traffic_sources') }}
