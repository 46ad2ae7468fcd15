-- Sycm traffic sources by day (生意参谋 流量来源), one row per day, source and source detail.
-- Good, latest rows of tmall/sycm_traffic_sources: one row per stat_date, traffic_source, source_detail.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
{{ storeops.current_export_rows('tmall', 'sycm_traffic_sources') }}
