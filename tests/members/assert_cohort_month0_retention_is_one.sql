-- Month 0 of every cohort retains the whole cohort: retention = 1 and active members = cohort size
-- wherever the month is complete (NULL only when it is not).
select
    platform,
    cohort_month,
    cohort_size,
    active_members,
    retention_rate,
    is_complete_month

from {{ ref('fct_member_cohorts') }}
where
    months_since_first = 0
    and (
        (is_complete_month and (retention_rate is null or retention_rate <> 1 or active_members <> cohort_size))
        or (not is_complete_month and retention_rate is not null)
    )
