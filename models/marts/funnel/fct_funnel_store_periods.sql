-- One row per period (ISO week from Monday, or calendar month), platform and store, all channels
-- together (the store-level twin of fct_funnel_periods, from fct_funnel_store_daily's daily totals).
-- Distinct counts are recounted over the whole period where event- and order-level data exists (own
-- shop; buyers of the generic export; Tmall buyers from the order export) and NULL where only daily
-- aggregates exist (Sycm visitors, Alibaba.com); `*_days` columns sum the daily values; `*_over_days`
-- rates divide sums of daily values. Written once for both grains (macros/funnel_marts.sql).
{{ funnel_periods(keys=['store_id']) }}
