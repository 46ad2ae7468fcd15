-- The failing expectations of each export file's latest validation, for the exports folder raw is landed from
-- (landing drops the results of another folder's files with their rows: storeops.raw_layer.reset_if_other_root).
-- depends_on: {{ ref('landed_files') }} (landing creates raw._validation_results)
with

results as (

    select * from {{ source('storeops', 'validation_results') }}

),

final as (

    select
        results.file_path,
        results.check_name,
        results.file_hash,
        nullif(results.contract, '-') as contract,
        nullif(split_part(results.contract, '__', 1), '-') as platform,
        nullif(split_part(results.contract, '__', 2), '') as report,
        results.validated_at,
        results.expectation_type,
        nullif(results.column_names, '') as column_names,
        results.severity,
        results.rejects,
        results.mostly_rejected,
        results.unexpected_count,
        results.element_count

    from results

)

select * from final
