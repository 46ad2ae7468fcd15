-- The cohort retention triangle as a pivot: one row per platform and cohort month, one column per
-- month since the first order (m00 = 1, then m01 ... m12). Cells after the last complete month are
-- NULL (blank in a BI tool), not 0. Change `max_months` for a longer triangle.
-- Run: dbt compile -s cohort_retention_triangle, then the SQL in target/compiled/, or paste into a BI tool.
{%- set max_months = 12 %}

with

cohorts as (

    select * from {{ ref('fct_member_cohorts') }}

),

final as (

    select
        platform,
        cohort_month,
        max(cohort_size) as cohort_size,
    {% for k in range(max_months + 1) %}
        max(case when months_since_first = {{ k }} then retention_rate end) as m{{ '%02d' % k }}
        {{- "," if not loop.last }}
    {% endfor %}

    from cohorts
    group by platform, cohort_month

)

select * from final
order by platform asc, cohort_month asc
