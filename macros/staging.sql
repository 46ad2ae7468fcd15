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
    required value is empty. Among good rows with the same natural key the latest export wins (highest
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
                column.name, column.header, 'decimal_money' if column.amount else column.type
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
        ), '') as _missing_values

    from typed

),

classified as (

    select
        *,
        case
            when _parse_errors is not null then 'parse_error'
            when _missing_values is not null then 'missing_required'
        end as _reject_code,
        nullif(concat_ws('; ', _parse_errors, _missing_values), '') as _reject_reason

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


{#- The good, latest rows of an export: the contract's columns and lineage, as a select statement. -#}
{% macro current_export_rows(platform, report) -%}
    {%- set contract = storeops.export_contract(platform, report) -%}
    select
        {%- for column in contract.columns %}
        {{ column.name }},
        {%- endfor %}
        _file_path,
        _file_seq,
        _row_number,
        _loaded_at
    from {{ ref('base_' ~ platform ~ '__' ~ report) }}
    where _reject_code is null and _superseded_by is null
{%- endmacro %}
