-- Product list (产品管理), one row per listing version.
-- Good, latest rows of made_in_china/product_list: one row per product_id, updated_at (a later snapshot that
-- repeats a listing unchanged supersedes the earlier row; an edit is a new row). Times are China time.
{{ storeops.current_export_rows('made_in_china', 'product_list') }}
