-- Member export (会员列表), one row per member as of the export.
-- Good, latest rows of tmall/members: one row per buyer_nick.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'members') }}
