-- What landed from each export, and what did not make it into staging, and why.
-- Run: dbt compile -s export_health, then the SQL in target/compiled/, or paste into a BI tool.
with

files as (

    select
        platform,
        report,
        count(*) as files,
        sum(rows) as raw_rows,
        min(landed_at) as first_landed_at,
        max(landed_at) as last_landed_at

    from {{ ref('landed_files') }}
    group by platform, report

),

rejects as (

    select
        platform,
        report,
        count(*) filter (where reason_code = 'superseded') as superseded_rows,
        count(*) filter (where reason_code <> 'superseded') as rejected_rows

    from {{ ref('quarantine_rows') }}
    group by platform, report

),

final as (

    select
        files.platform,
        files.report,
        files.files,
        files.raw_rows,
        files.first_landed_at,
        files.last_landed_at,
        coalesce(rejects.superseded_rows, 0) as superseded_rows,
        coalesce(rejects.rejected_rows, 0) as rejected_rows

    from files
    left join rejects
        on files.platform = rejects.platform and files.report = rejects.report

)

select * from final
order by platform, report
