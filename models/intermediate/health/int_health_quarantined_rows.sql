-- fct_data_health's `rows_quarantined` findings: one row per file and reason of the rows kept out of staging
-- (quarantine_rows), the reason's values stripped, with the file's row count and the share.
-- severity: error = more than var('max_reject_share') of the file's rows rejected for the reason (a data test
-- fails the build on it unless keep_going); info = superseded by a later export; warning otherwise.
{%- set max_share = var('max_reject_share') | float %}
{%- set threshold_note = '; above the ' ~ ('%g' | format(100 * max_share)) ~ ' % threshold (STOREOPS_MAX_REJECT_SHARE):'
    ~ ' most likely a mapping problem (a date format, a column in the wrong place), not bad rows' %}

with

files as (

    select * from {{ ref('landed_files') }}

),

quarantined as (

    select * from {{ ref('quarantine_rows') }}

),

quarantine_reasons as (

    select
        platform,
        report,
        file_path,
        file_seq,
        reason_code,
        case
            when reason_code = 'superseded' then 'the same key was exported again in a later file'
            else regexp_replace(reason, ': ''.*?'' ', ': ', 'g')
        end as reason_check

    from quarantined

),

quarantine_counts as (

    select
        quarantine_reasons.platform,
        quarantine_reasons.report,
        quarantine_reasons.file_path,
        quarantine_reasons.file_seq,
        quarantine_reasons.reason_code,
        quarantine_reasons.reason_check,
        count(*) as affected_rows,
        any_value(files.rows) as total_rows

    from quarantine_reasons
    left join files
        on quarantine_reasons.file_seq = files.file_seq
    group by
        quarantine_reasons.platform,
        quarantine_reasons.report,
        quarantine_reasons.file_path,
        quarantine_reasons.file_seq,
        quarantine_reasons.reason_code,
        quarantine_reasons.reason_check

),

final as (

    select
        'rows_quarantined' as check_name,
        case
            when reason_code = 'superseded' then 'info'
            when affected_rows > {{ max_share }} * total_rows then 'error'
            else 'warning'
        end as severity,
        platform,
        report,
        file_path,
        file_seq,
        reason_code || ': ' || reason_check as subject,
        affected_rows,
        total_rows,
        file_path || ': ' || format('{:,}', affected_rows) || ' of ' || format('{:,}', total_rows)
        || ' row(s) (' || printf('%.1f', 100.0 * affected_rows / nullif(total_rows, 0)) || ' %) in quarantine, '
        || reason_code || ': ' || reason_check
        || case
            when reason_code <> 'superseded' and affected_rows > {{ max_share }} * total_rows
                then '{{ threshold_note }}'
            else ''
        end as message

    from quarantine_counts

)

select * from final
