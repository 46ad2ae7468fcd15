-- fct_data_health's `missing_optional_columns` findings: one row per landed file that lacks optional contract
-- columns (NULL from staging on), listing their headers. Nothing is lost: severity info.
with

files as (

    select * from {{ ref('landed_files') }}

),

final as (

    select
        'missing_optional_columns' as check_name,
        'info' as severity,
        platform,
        report,
        file_path,
        file_seq,
        missing_optional as subject,
        rows as affected_rows,
        rows as total_rows,
        file_path || ': ' || cast(len(string_split(missing_optional, ', ')) as varchar)
        || ' optional column(s) not in the file, NULL from staging on: ' || missing_optional as message

    from files
    where missing_optional is not null

)

select * from final
