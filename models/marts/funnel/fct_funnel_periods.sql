-- One row per period (ISO week from Monday, or calendar month), platform, store and channel.
-- Additive steps are summed over the days. Distinct counts (visitors, buyers...) are recounted over the
-- whole period from event- and order-level data where it exists (own shop; buyers of the generic
-- export) and are NULL where only daily aggregates exist (Sycm, Alibaba.com); the `*_days` columns are
-- always the sum of the daily values (a visitor on 4 days counts 4 times), named so nobody mistakes
-- them for period visitors. Rates: on the period's own counts; `*_over_days` rates divide sums of daily
-- values (a visitor-weighted mean of the daily rates), the only period rate a daily aggregate allows.
-- Written once for both grains (macros/funnel_marts.sql).
{{ funnel_periods(keys=['store_id', 'channel']) }}
