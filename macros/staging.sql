{#-
    Staging from the export contracts (macros/export_contracts.sql, generated from
    src/storeops/contracts/*.yml). Every export has two models:

    - base_<platform>__<report>: {{ storeops.base_export(platform, report) }}
      every raw row, typed with the contract's English names, with lineage and why it is rejected
      (_reject_code, _reject_reason) or superseded (_superseded_by, _superseded_by_row);
      incremental by the contract's date column (macros/incremental.sql, DECISIONLOG D12).
    - stg_<platform>__<report>: selects from {{ storeops.current_export_rows(platform, report) }},
      the good, latest rows with the contract's columns and lineage, and adds what is particular
      to the export in SQL beside it.

    A row is rejected for `parse_error` when a non-empty value does not parse or lies outside what an
    export can hold (check_parsed, macros/parsing.sql; takes precedence), or `missing_required` when a
    required value is empty, or `invalid_value` when it breaks one of the contract's row rules
    (check_rule below: an end before its start, a value outside the accepted ones, a value required or
    forbidden by another column's). Among good rows with the same natural key the latest export wins (highest
    _file_seq, then _row_number).
-#}

{#- The contract of one export, as generated from its YAML; an unknown export is a compile error. -#}
{% macro export_contract(platform, report) -%}
    {%- set contracts = storeops.export_contracts() -%}
    {%- set key = platform ~ '__' ~ report -%}
    {%- if key not in contracts -%}
        {{ exceptions.raise_compiler_error(
            "no export contract for " ~ platform ~ "/" ~ report ~ ": add it to src/storeops/contracts/"
            ~ platform ~ ".yml and run `storeops contracts --write`"
        ) }}
    {%- endif -%}
    {{ return(contracts[key]) }}
{%- endmacro %}


{#- The typed value of a column of the contract, from a text expression. -#}
{% macro parse_export_value(column, expression) -%}
    {%- if column.type == 'text' -%} {{ expression }}
    {%- elif column.type == 'decimal' and column.amount -%} {{ storeops.parse_decimal(expression, storeops.type_money()) }}
    {%- elif column.type == 'decimal' -%} {{ storeops.parse_decimal(expression) }}
    {%- elif column.type == 'integer' -%} {{ storeops.parse_integer(expression) }}
    {%- elif column.type == 'money' -%} {{ storeops.parse_money(expression) }}
    {%- elif column.type == 'percent' -%} {{ storeops.parse_percent(expression) }}
    {%- elif column.type == 'date' -%} {{ storeops.parse_date(expression) }}
    {%- elif column.type == 'timestamp' -%} {{ storeops.parse_timestamp(expression) }}
    {%- elif column.type == 'epoch_us' -%} {{ storeops.parse_epoch_us(expression) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("parse_export_value: unknown export type '" ~ column.type ~ "'") }}
    {%- endif -%}
{%- endmacro %}


{#- The day of a typed value of the contract's date column. -#}
{% macro export_day(column, expression) -%}
    {%- if column.type == 'date' -%} {{ expression }}
    {%- else -%} cast({{ expression }} as date)
    {%- endif -%}
{%- endmacro %}


{% macro base_export(platform, report) -%}
    {%- set contract = storeops.export_contract(platform, report) -%}
    {%- set columns = contract.columns -%}
    {%- set typed = columns | rejectattr('type', 'equalto', 'text') | list -%}
    {%- set required = columns | selectattr('required') | rejectattr('nullable') | list -%}
    {%- set date_column = (columns | selectattr('name', 'equalto', contract.date_column) | first) -%}
    {%- set window = storeops.incremental_window(
        source(platform, report),
        storeops.export_day(
            date_column,
            storeops.parse_export_value(date_column, storeops.clean_text('"' ~ date_column.header ~ '"'))
        )
    ) -%}
with

source as (

    select * from {{ source(platform, report) }}
    {{- storeops.base_source_filter(window) }}

),

renamed as (

    select
        {%- for column in columns %}
        {{ storeops.clean_text('"' ~ column.header ~ '"') }} as {{ column.name }}
        {{- '_raw' if column.type != 'text' }},
        {%- endfor %}
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at

    from source

),

typed as (

    select
        {%- for column in typed %}
        {{ storeops.parse_export_value(column, column.name ~ '_raw') }} as {{ column.name }},
        {%- endfor %}
        *

    from renamed

),

checked as (

    select
        *,
        nullif(concat_ws(
            '; '
            {%- for column in typed %},
            {{ storeops.check_parsed(
                column.name, column.header, 'decimal_money' if column.amount else column.type,
                planned=column.get('planned', false)
            ) }}
            {%- endfor %}
        ), '') as _parse_errors,
        nullif(concat_ws(
            '; '
            {%- for column in required %},
            {{ storeops.check_required(
                column.name, column.header, none if column.type == 'text' else column.name ~ '_raw'
            ) }}
            {%- endfor %}
        ), '') as _missing_values,
        {%- if contract.get('rules') %}
        nullif(concat_ws(
            '; '
            {%- for rule in contract.rules %},
            {{ storeops.check_rule(rule, columns) }}
            {%- endfor %}
        ), '') as _rule_errors
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as _rule_errors
        {%- endif %}

    from typed

),

classified as (

    select
        *,
        case
            when _parse_errors is not null then 'parse_error'
            when _missing_values is not null then 'missing_required'
            when _rule_errors is not null then 'invalid_value'
        end as _reject_code,
        nullif(concat_ws('; ', _parse_errors, _missing_values, _rule_errors), '') as _reject_reason

    from checked

),

versioned as (

    -- among good rows with the same natural key, the latest export wins
    select
        *,
        row_number() over latest_first as _version_rank,
        first_value(_file_path) over latest_first as _latest_file_path,
        first_value(_row_number) over latest_first as _latest_row_number

    from classified
    window latest_first as (
        partition by {{ contract.natural_key | join(', ') }}, _reject_code is null
        order by _file_seq desc, _row_number desc
    )

),

final as (

    select
        {%- for column in columns %}
        {{ column.name }},
        {%- endfor %}
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at,
        _reject_code,
        _reject_reason,
        {{ storeops.natural_key_text(contract.natural_key) }} as _natural_key,
        case when _reject_code is null and _version_rank > 1 then _latest_file_path end as _superseded_by,
        case when _reject_code is null and _version_rank > 1 then _latest_row_number end as _superseded_by_row,
        case
            when _reject_code is null then {{ storeops.export_day(date_column, date_column.name) }}
        end as _window_date

    from versioned

)

select * from final
{{- storeops.base_batch_filter(window) }}
{%- endmacro %}


{#- The lineage every staged row carries from its base model (which file, which row, when landed). -#}
{% macro export_lineage_columns() -%}
    _file_path, _file_seq, _row_number, _loaded_at
{%- endmacro %}


{#- The good, latest rows of an export: the contract's columns and lineage, as a select statement. -#}
{% macro current_export_rows(platform, report) -%}
    {%- set contract = storeops.export_contract(platform, report) -%}
    select
        {%- for column in contract.columns %}
        {{ column.name }},
        {%- endfor %}
        {{ storeops.export_lineage_columns() }}
    from {{ ref('base_' ~ platform ~ '__' ~ report) }}
    where _reject_code is null and _superseded_by is null
{%- endmacro %}

{#- Whether a landed file carries an optional column: `missing_optional` (landed_files) lists the headers a file
    lacks, `, `-separated; NULL (no file found) counts as carrying it. Both arguments are SQL expressions. -#}
{% macro file_has_column(missing_optional, header) -%}
    coalesce(', ' || {{ missing_optional }} || ', ' not like '%, ' || {{ header }} || ', %', true)
{%- endmacro %}

{#- The reason a row breaks a contract row rule (src/storeops/contracts.py, RowRule), NULL when it does not.
    Text values are compared trimmed and in lower case; an empty value breaks no rule but required_when. -#}
{% macro check_rule(rule, columns) -%}
    {%- set column = columns | selectattr('name', 'equalto', rule.column) | first -%}
    {%- set label = column.header ~ ' (' ~ rule.column ~ ')' -%}
    {%- set value = 'lower(trim(' ~ rule.column ~ '))' -%}
    {%- set listed = "'" ~ rule.get('values', []) | join("', '") ~ "'" -%}
    {%- if rule.check == 'not_before' -%}
        {%- set other = columns | selectattr('name', 'equalto', rule.other) | first -%}
        case
            when {{ rule.column }} < {{ rule.other }}
                then '{{ label }} ' || cast({{ rule.column }} as {{ dbt.type_string() }})
                || ' is before {{ other.header }} ({{ rule.other }}) '
                || cast({{ rule.other }} as {{ dbt.type_string() }})
        end
    {%- elif rule.check == 'one_of' -%}
        case
            when {{ value }} not in ({{ listed }})
                then '''' || trim({{ rule.column }}) || ''' is not a known {{ label }} (one of {{ rule['values'] | join(', ') }})'
        end
    {%- else -%}
        {%- set when = columns | selectattr('name', 'equalto', rule.when) | first -%}
        {%- set when_value = 'lower(trim(' ~ rule.when ~ '))' -%}
        {%- set when_text = when.header ~ ' (' ~ rule.when ~ ') is ' ~ rule['values'] | join(' or ') -%}
        {%- if rule.check == 'required_when' -%}
        case
            when {{ rule.column }} is null and {{ when_value }} in ({{ listed }})
                then '{{ label }} is required when {{ when_text }}'
        end
        {%- elif rule.check == 'empty_unless' -%}
        case
            when {{ rule.column }} is not null and coalesce({{ when_value }} not in ({{ listed }}), true)
                then '{{ label }} ''' || trim({{ rule.column }}) || ''' is only for rows whose {{ when_text }}'
        end
        {%- else -%}
        {{ exceptions.raise_compiler_error("check_rule: unknown rule check '" ~ rule.check ~ "'") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
