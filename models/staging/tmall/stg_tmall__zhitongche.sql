-- Zhitongche (直通车) paid-search report by day, plan and item; Wanxiangtai (万相台) headers accepted as aliases.
-- Good, latest rows of tmall/zhitongche: one row per stat_date, campaign_name, unit_name.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'zhitongche') }}
