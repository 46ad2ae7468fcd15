{#-
    quarantine_rows, written once: the raw rows that did not reach staging, per group of exports
    (DECISIONLOG Q1). quarantine_rows unions one ephemeral model per group,
    models/quarantine/quarantine_rows__<group>.sql, each a single call of `quarantine_rows_of(group)`.
    The groups come from the contracts (macros/export_contracts.sql): an export's group is its
    platform, except that Tmall's Sycm reports (生意参谋, `sycm_*`) are a group of their own, the B2B platforms
    (Alibaba.com, Made-in-China.com) are one group, `b2b`, the operations
    exports of every platform (inventory snapshots, purchase receipts, service tickets) are one group, and the
    operator's manual sheets join the generic exports (neither comes from a platform's back-end), so that no
    group unions seven or more base models and quarantine_rows unions fewer than seven groups (dbt-project-evaluator's fct_too_many_joins counts a
    union's inputs as joins). A new export of a platform needs nothing here; a new platform (or
    group) needs its one-line file, and quarantine_rows does not compile until it exists.
-#}

{#- The group of an export `<platform>__<report>`. -#}
{% macro quarantine_group(export) -%}
    {%- set platform, report = export.split('__', 1) -%}
    {%- if platform == 'tmall' and report.startswith('sycm_') -%}
        {{ return('tmall_sycm') }}
    {%- elif report in ['inventory', 'purchase_receipts', 'service_tickets'] -%}
        {{ return('operations') }}
    {%- elif platform == 'manual' -%}
        {{ return('generic') }}
    {%- elif platform in ['alibaba_com', 'made_in_china'] -%}
        {{ return('b2b') }}
    {%- endif -%}
    {{ return(platform) }}
{%- endmacro %}

{#- The groups, each once, in the contracts' order. -#}
{% macro quarantine_groups() -%}
    {%- set groups = [] -%}
    {%- for export in storeops.export_contracts() -%}
        {%- set group = storeops.quarantine_group(export) -%}
        {%- if group not in groups %}{% do groups.append(group) %}{% endif -%}
    {%- endfor -%}
    {{ return(groups) }}
{%- endmacro %}

{#- One row per raw row of the group's exports that is not in staging, with the reason. -#}
{% macro quarantine_rows_of(group) -%}
    {%- set exports = [] -%}
    {%- for export in storeops.export_contracts() -%}
        {%- if storeops.quarantine_group(export) == group %}{% do exports.append(export) %}{% endif -%}
    {%- endfor -%}
    {%- if not exports -%}
        {{ exceptions.raise_compiler_error("quarantine_rows_of: no export of the contracts is in group '" ~ group ~ "'") }}
    {%- endif %}

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
{%- endmacro %}
