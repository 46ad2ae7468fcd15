-- The failing expectations of each export file's latest validation, for the exports folder raw is landed from.
-- depends_on: {{ ref('landed_files') }} (landing creates raw._validation_results and raw._landing_state)
with

results as (

    select * from {{ source('storeops', 'validation_results') }}

),

landing_state as (

    select exports_root from {{ source('storeops', 'landing_state') }}

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
    inner join landing_state on results.exports_root = landing_state.exports_root

)

select * from final
