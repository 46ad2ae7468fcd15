{#-
    Incremental models over landed exports (DECISIONLOG D12).

    Landing is append-only by file: every landed file gets the next `_file_seq`.
    The large facts (base tables of events, orders and Sycm traffic; sessionized
    events; sessions) are incremental by date window:

    - the files new to a model are those with a `_file_seq` above the highest
      one the model already holds;
    - the window starts at the earliest valid date in those new rows, minus
      `incremental_lookback_days` (dbt var, default 2);
    - every date from the window start on is recomputed from all landed rows
      (old and new files), and replaces what the model held for those dates
      (delete+insert on the model's date column).

    Late-arriving data of any age is therefore taken in: a re-export of last
    year's orders opens the window at last year. The lookback is a margin for
    rows whose date moves between exports (an order time corrected across
    midnight): a key's versions are re-ranked together while they are less than
    the lookback apart. A full refresh (`dbt build --full-refresh`) computes the
    same rows from scratch; pytests/test_incremental.py compares the two.
-#}

{#- The window of an incremental model, or none when the model builds in full.
    `new_rows_from`: the relation (or subquery) holding every row with its `_file_seq`;
    `date_expression`: the row's date in it. Returns
    {'last_file_seq': int, 'start': 'YYYY-MM-DD' or none (nothing new)}. -#}
{% macro incremental_window(new_rows_from, date_expression) -%}
    {#- unit tests render models without a relation (`this` is none): they test the full build -#}
    {%- if not execute or this is none or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set lookback = var('incremental_lookback_days') | int -%}
    {%- set query -%}
        with last_seen as (
            select coalesce(max(_file_seq), 0) as file_seq from {{ this }}
        ),

        new_dates as (
            select {{ date_expression }} as row_date
            from {{ new_rows_from }}
            where _file_seq > (select last_seen.file_seq from last_seen)
        )

        select
            (select last_seen.file_seq from last_seen) as last_file_seq,
            cast(cast(min(row_date) as date) - {{ lookback }} as {{ dbt.type_string() }}) as window_start
        from new_dates
        where row_date >= cast('{{ var("earliest_export_date") }}' as date)
    {%- endset -%}
    {%- set row = run_query(query).rows[0] -%}
    {{ return({'last_file_seq': row[0] | int, 'start': row[1]}) }}
{%- endmacro %}


{#- SQL condition: the row's date is in the window (false when nothing is new). -#}
{% macro in_window(window, date_column) -%}
    {%- if window.start is none -%}
        false
    {%- else -%}
        {{ date_column }} >= cast('{{ window.start }}' as date)
    {%- endif -%}
{%- endmacro %}


{#- Base models: the raw rows to re-read in an incremental run: the new files, and the
    files that gave the model rows inside the window (their rows may be superseded now). -#}
{% macro base_source_filter(window) -%}
    {%- if window is not none %}
    where
        _file_seq > {{ window.last_file_seq }}
        or _file_seq in (
            select distinct previous._file_seq
            from {{ this }} as previous
            where {{ storeops.in_window(window, 'previous._window_date') }}
        )
    {%- endif %}
{%- endmacro %}


{#- Base models: the rows an incremental run writes: every row dated in the window, and the
    new files' rows without a valid date (rejected rows: those never change once landed). -#}
{% macro base_batch_filter(window) -%}
    {%- if window is not none %}
    where
        {{ storeops.in_window(window, '_window_date') }}
        or (_window_date is null and _file_seq > {{ window.last_file_seq }})
    {%- endif %}
{%- endmacro %}
