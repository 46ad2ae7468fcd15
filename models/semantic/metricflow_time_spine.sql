-- One row per day from 2000-01-01 to 2040-12-31: MetricFlow's time spine (the days every metric_time
-- query can fall on, far beyond any export the warehouse holds).
with days as (
    select cast(range as date) as date_day
    from range(date '2000-01-01', date '2041-01-01', interval 1 day)
),

final as (
    select date_day
    from days
)

select * from final
