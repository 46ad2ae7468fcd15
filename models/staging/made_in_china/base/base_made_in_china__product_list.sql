-- Base model for made_in_china/product_list: every raw row, typed, with why it is rejected or superseded.
-- Product list (产品管理), one row per listing as of the export; each version of a listing is kept by its
-- update time. Times are China (Asia/Shanghai) time.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_made_in_china__product_list. Natural key: product_id, updated_at; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('made_in_china', 'product_list') }}
