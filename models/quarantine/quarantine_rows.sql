-- One row per raw row that is not in staging, with the reason: rows that do not parse
-- (parse_error), lack a required value (missing_required) or were re-exported later
-- (superseded). Built from every base model, over the one list of exports in
-- contracts (macros/export_contracts.sql, generated from src/storeops/contracts/).
{%- set exports = storeops.export_contracts() | list %}

with

unioned as (

    {% for export in exports %}
        {%- set platform, report = export.split('__', 1) %}
        select
            '{{ platform }}' as platform,
            '{{ report }}' as report,
            _file_path as file_path,
            _row_number as row_number,
            _file_seq as file_seq,
            coalesce(_reject_code, 'superseded') as reason_code,
            coalesce(
                _reject_reason,
                'superseded: ' || _natural_key || ' was exported again in ' || _superseded_by
                || ' (row ' || cast(_superseded_by_row as {{ dbt.type_string() }}) || ')'
            ) as reason,
            _loaded_at as loaded_at
        from {{ ref('base_' ~ export) }}
        where _reject_code is not null or _superseded_by is not null
        {% if not loop.last %}
            union all
        {% endif %}
    {%- endfor %}

)

select * from unioned
