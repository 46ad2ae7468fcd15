-- One row per day, platform and store, all channels together. Distinct counts are the platform's own
-- daily totals (Sycm shop overview) or distinct recounts over the day's events and orders, never a sum
-- over the channel rows of fct_funnel_daily. Rates are computed here once from the row's counts.
-- Written once for both grains (macros/funnel_marts.sql).
{{ funnel_daily_mart(keys=['store_id']) }}
