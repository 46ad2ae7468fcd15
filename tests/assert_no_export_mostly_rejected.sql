-- A file with more than var('max_reject_share') of its rows rejected for one reason (fct_data_health
-- severity `error`) is almost always a mapping problem (a date format, a column in the wrong place), not
-- bad rows: the build that lands it fails, naming the file, the reason and the share (`message`). With
-- keep_going (storeops build --keep-going) it only warns: the rows stay in raw and quarantine. A file is
-- held once, by the run that lands it (landed at or after this run started): a later build does not fail
-- again on a file the user let in, and fct_data_health keeps listing it as an error.
{{ config(severity='warn' if var('keep_going', false) else 'error') }}

with

health as (

    select * from {{ ref('fct_data_health') }}

),

files as (

    select * from {{ ref('landed_files') }}

)

select
    health.file_path,
    health.subject,
    health.affected_rows,
    health.total_rows,
    health.affected_share,
    health.message

from health
inner join files
    on health.file_seq = files.file_seq
where
    health.severity = 'error'
    and files.landed_at >= cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
