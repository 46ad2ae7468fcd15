-- Base model for tmall/zhitongche: every raw row, typed, with why it is rejected or superseded.
-- Zhitongche (直通车) paid-search report by day, plan and item; Wanxiangtai (万相台) headers accepted as aliases.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_tmall__zhitongche. Natural key: stat_date, campaign_name, unit_name; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('tmall', 'zhitongche') }}
