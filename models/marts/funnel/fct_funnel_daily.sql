-- One row per day, platform, store and channel: the funnel steps each platform reports (NULL where it
-- reports none) and the rates, each computed here once from the counts of the row (safe_divide: NULL
-- when the denominator is 0 or NULL). Roll-ups: see _funnel__models.yml. Written once for both grains
-- (macros/funnel_marts.sql).
{{ funnel_daily_mart(keys=['store_id', 'channel']) }}
