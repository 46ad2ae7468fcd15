-- The failing validations: one row per export file and failed check of the file's latest validation
-- (Great Expectations, before landing), with what the build did about it. outcome:
--   blocked      the file is not landed, or (more than var('max_reject_share') of its rows fail a rejecting
--                check) the build stops unless keep_going, which lands it with the rows quarantined
--   quarantined  landed; staging rejects the failing rows into quarantine_rows
--   superseded   landed; a key repeated within the file: staging keeps the last row, the rest are superseded
--   warning      landed as is (an empty file, a rate outside [0, 1]: the marts recompute rates from counts)
with

results as (

    select * from {{ ref('stg_storeops__validation_results') }}

),

files as (

    select * from {{ ref('landed_files') }}

),

checks as (

    select
        file_path,
        check_name,
        any_value(file_hash) as file_hash,
        any_value(platform) as platform,
        any_value(report) as report,
        max(validated_at) as validated_at,
        any_value(expectation_type) as expectation_type,
        any_value(column_names) as column_names,
        case
            when bool_or(severity = 'blocking') then 'blocked'
            when bool_or(severity = 'quarantine' and rejects) then 'quarantined'
            when bool_or(severity = 'quarantine') then 'superseded'
            else 'warning'
        end as outcome,
        max(unexpected_count) as unexpected_count,
        max(element_count) as element_count

    from results
    group by file_path, check_name

),

final as (

    select
        -- ids
        checks.file_path,
        checks.check_name,
        checks.file_hash,
        files.file_seq,

        -- strings
        checks.platform,
        checks.report,
        checks.expectation_type,
        checks.column_names,
        checks.outcome,

        -- numerics
        cast(checks.unexpected_count as bigint) as unexpected_count,
        cast(checks.element_count as bigint) as element_count,
        cast(
            {{ safe_divide('checks.unexpected_count', 'checks.element_count') }} as {{ storeops.type_double() }}
        ) as unexpected_share,

        -- timestamps
        checks.validated_at

    from checks
    left join files on checks.file_hash = files.file_hash

)

select * from final
