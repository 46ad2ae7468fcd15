-- One row per raw row that is not in staging, with the reason: rows that do not parse
-- (parse_error), lack a required value (missing_required) or were re-exported later
-- (superseded). A union of one ephemeral model per group of exports (quarantine_rows__<group>,
-- the platforms, Tmall's Sycm reports apart), over the one list of exports in contracts
-- (macros/export_contracts.sql, generated from src/storeops/contracts/); macros/quarantine.sql
-- writes each group's rows once. A group without its model file is a compile error here.
{%- set groups = storeops.quarantine_groups() %}

with

unioned as (

    {% for group in groups %}
        select * from {{ ref('quarantine_rows__' ~ group) }}
        {% if not loop.last %}
            union all
        {% endif %}
    {%- endfor %}

),

final as (

    select
        platform,
        report,
        file_path,
        row_number,
        file_seq,
        reason_code,
        reason,
        loaded_at
    from unioned

)

select * from final
