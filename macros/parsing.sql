{#-
    Parsing of export text into typed values: the one place that knows how the
    platforms write numbers, percentages, dates and times.

    Every parse_* macro takes a text expression and returns the typed value, or
    NULL when the text is "not reported" or does not parse. The base staging
    models tell the two apart: a non-empty value whose parse is NULL is a
    reject (see check_parsed), never a silent NULL.

    Rules (also in the staging YAML and the report to the lead):
    - Not reported: NULL, empty, whitespace only, '-', '--', '—' (em dash),
      '——' (two em dashes, common in Chinese back-ends).
    - Surrounding whitespace is ignored, including ideographic (U+3000) and
      non-breaking spaces.
    - integer: digits with an optional sign and optional thousands separators
      (1,234); a zero fraction is accepted (12.0, written by pandas for integer
      columns holding gaps). 12.5 is a reject, never rounded.
    - decimal: digits with optional sign, thousands separators and fraction
      (1,234.50). European 1.234,50 is a reject (its comma is not grouping by 3).
    - money: as decimal after removing '¥', '￥' and spaces; decimal(18, 2).
    - percent: '3.25%' -> 0.0325 (any magnitude, '120%' -> 1.2). A bare number
      without '%' is taken as already a fraction when it lies in [-1, 1]
      (spreadsheets store percent cells that way: 0.0325); a bare number
      outside [-1, 1] ('3.25') is ambiguous (3.25 % or 325 %?) and is a reject.
    - date: YYYY-MM-DD, YYYY/MM/DD (month and day may have one digit, as Excel
      writes 2024/1/5) or YYYYMMDD; a midnight time after the date is accepted
      (2024/1/5 0:00, as spreadsheets write date cells), any other time is a
      reject; impossible dates (2024-02-30) are rejects.
    - timestamp: a date as above (with - or /) plus HH:MM or HH:MM:SS (optional
      fraction, 'T' accepted as separator); a date alone, YYYYMMDD included (as
      older order histories write it: 19970101), is read as midnight.
      Values with a zone offset (+08:00, Z) are rejects: timestamps stay naive,
      in the zone the export documents.
    - epoch_us: exactly 16 digits of microseconds since 1970-01-01 UTC (years
      2001-2286); 10- or 13-digit values (seconds, milliseconds) are rejects
      rather than silently landing in 1970. Result: naive UTC timestamp.

    Cross-database: patterns use only [0-9]-style classes; the few functions
    that differ between engines (regex match/replace, epoch conversion) are
    dispatched (duckdb__, spark__, postgres__, default__).
-#}

{#- ---------------------------------------------------------------- types -#}

{% macro type_money() -%}
    {{ return(api.Column.numeric_type("decimal", 18, 2)) }}
{%- endmacro %}

{#- dbt.type_float() renders `float`, a 4-byte real on DuckDB; rates and ratios want 8 bytes. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'storeops')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}

{#- -------------------------------------------------------- regular expressions -#}

{#- True when the whole of `expression` matches `pattern` (no anchors in the pattern). -#}
{% macro regexp_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_full_match', 'storeops')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regexp_full_match(expression, pattern) -%}
    regexp_like({{ expression }}, '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro duckdb__regexp_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__regexp_full_match(expression, pattern) -%}
    ({{ expression }} ~ '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro spark__regexp_full_match(expression, pattern) -%}
    ({{ expression }} rlike '^(?:{{ pattern }})$')
{%- endmacro %}

{#- The patterns, in one place. No \d: Spark string literals eat backslashes. -#}
{% macro number_pattern() -%}
    [+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.][0-9]+)?
{%- endmacro %}

{% macro integer_pattern() -%}
    [+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.]0+)?
{%- endmacro %}

{% macro date_pattern() -%}
    [0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}
{%- endmacro %}

{% macro timestamp_pattern() -%}
    {{ storeops.date_pattern() }}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]{1,6})?)?)?
{%- endmacro %}

{#- ------------------------------------------------------------- cleaning -#}

{#- Surrounding whitespace removed (Unicode spaces included where the engine can). -#}
{% macro trim_whitespace(expression) -%}
    {{ return(adapter.dispatch('trim_whitespace', 'storeops')(expression)) }}
{%- endmacro %}

{% macro default__trim_whitespace(expression) -%}
    trim({{ expression }})
{%- endmacro %}

{% macro duckdb__trim_whitespace(expression) -%}
    regexp_replace({{ expression }}, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g')
{%- endmacro %}

{#- The text a platform writes for "not reported". -#}
{% macro not_reported_markers() -%}
    {{ return(['', '-', '--', '—', '——']) }}
{%- endmacro %}

{#- Trimmed text, NULL when empty or a "not reported" marker. -#}
{% macro clean_text(expression) -%}
    {{ return(adapter.dispatch('clean_text', 'storeops')(expression)) }}
{%- endmacro %}

{% macro default__clean_text(expression) -%}
    {%- set trimmed = storeops.trim_whitespace(expression) -%}
    case
        when {{ trimmed }} in (
            {%- for marker in storeops.not_reported_markers() -%}
                '{{ marker }}'{{ ", " if not loop.last }}
            {%- endfor -%}
        ) then null
        else {{ trimmed }}
    end
{%- endmacro %}

{#-
    One regular expression instead of the CASE above: a value that is only
    whitespace and at most one marker becomes '', otherwise the surrounding
    whitespace is removed; '' then becomes NULL. Keeps the expression small,
    which matters: parse_* macros nest it, and DuckDB plans each staging view
    from the whole expression tree.
-#}
{% macro duckdb__clean_text(expression) -%}
    nullif(regexp_replace({{ expression }}, '^[\s\p{Z}]*(?:-{1,2}|—{1,2})?[\s\p{Z}]*$|^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g'), '')
{%- endmacro %}

{#- -------------------------------------------------------------- parsing -#}

{% macro parse_integer(expression) -%}
    {%- set value = storeops.clean_text(expression) -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.integer_pattern()) }}
            then {{ dbt.safe_cast(dbt.safe_cast(dbt.replace(value, "','", "''"), "decimal(38, 0)"), dbt.type_bigint()) }}
    end
{%- endmacro %}

{#- `type` defaults to a double; pass storeops.type_money() for amounts written without currency signs. -#}
{% macro parse_decimal(expression, type=none) -%}
    {%- set value = storeops.clean_text(expression) -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.number_pattern()) }}
            then {{ dbt.safe_cast(dbt.replace(value, "','", "''"), type or storeops.type_double()) }}
    end
{%- endmacro %}

{% macro parse_money(expression) -%}
    {%- set value = dbt.replace(dbt.replace(dbt.replace(storeops.clean_text(expression), "'¥'", "''"), "'￥'", "''"), "' '", "''") -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.number_pattern()) }}
            then {{ dbt.safe_cast(dbt.replace(value, "','", "''"), storeops.type_money()) }}
    end
{%- endmacro %}

{#- A fraction: '3.25%' -> 0.0325; bare '0.0325' -> 0.0325; bare '3.25' -> NULL (ambiguous: a reject). -#}
{% macro parse_percent(expression) -%}
    {%- set value = dbt.replace(storeops.clean_text(expression), "' '", "''") -%}
    {%- set number = dbt.safe_cast(dbt.replace(dbt.replace(value, "'%'", "''"), "','", "''"), "decimal(38, 10)") -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.number_pattern() ~ '%') }}
            then {{ dbt.safe_cast(number ~ ' / 100', storeops.type_double()) }}
        when {{ storeops.regexp_full_match(value, storeops.number_pattern()) }} and abs({{ number }}) <= 1
            then {{ dbt.safe_cast(number, storeops.type_double()) }}
    end
{%- endmacro %}

{% macro parse_date(expression) -%}
    {%- set value = storeops.clean_text(expression) -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.date_pattern()) }}
            then {{ dbt.safe_cast(dbt.replace(value, "'/'", "'-'"), "date") }}
        when {{ storeops.regexp_full_match(value, storeops.date_pattern() ~ '[ T]0?0:00(?::00(?:[.]0+)?)?') }}
            then {{ dbt.safe_cast(dbt.safe_cast(dbt.replace(dbt.replace(value, "'/'", "'-'"), "'T'", "' '"), dbt.type_timestamp()), "date") }}
        when {{ storeops.regexp_full_match(value, '[0-9]{8}') }}
            then {{ dbt.safe_cast(
                "substr(" ~ value ~ ", 1, 4) || '-' || substr(" ~ value ~ ", 5, 2) || '-' || substr(" ~ value ~ ", 7, 2)",
                "date"
            ) }}
    end
{%- endmacro %}

{% macro parse_timestamp(expression) -%}
    {%- set value = storeops.clean_text(expression) -%}
    case
        when {{ storeops.regexp_full_match(value, storeops.timestamp_pattern()) }}
            then {{ dbt.safe_cast(dbt.replace(dbt.replace(value, "'/'", "'-'"), "'T'", "' '"), dbt.type_timestamp()) }}
        when {{ storeops.regexp_full_match(value, '[0-9]{8}') }}
            then {{ dbt.safe_cast(
                "substr(" ~ value ~ ", 1, 4) || '-' || substr(" ~ value ~ ", 5, 2) || '-' || substr(" ~ value ~ ", 7, 2)",
                dbt.type_timestamp()
            ) }}
    end
{%- endmacro %}

{#- Microseconds since 1970-01-01 UTC -> naive UTC timestamp. -#}
{% macro parse_epoch_us(expression) -%}
    {%- set value = storeops.clean_text(expression) -%}
    case
        when {{ storeops.regexp_full_match(value, '[0-9]{16}') }}
            then {{ storeops.epoch_us_to_timestamp(dbt.safe_cast(value, dbt.type_bigint())) }}
    end
{%- endmacro %}

{% macro epoch_us_to_timestamp(expression) -%}
    {{ return(adapter.dispatch('epoch_us_to_timestamp', 'storeops')(expression)) }}
{%- endmacro %}

{% macro default__epoch_us_to_timestamp(expression) -%}
    {{ dbt.dateadd('microsecond', expression, "cast('1970-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")") }}
{%- endmacro %}

{% macro duckdb__epoch_us_to_timestamp(expression) -%}
    make_timestamp({{ expression }})
{%- endmacro %}

{% macro spark__epoch_us_to_timestamp(expression) -%}
    timestamp_micros({{ expression }})
{%- endmacro %}

{#- ------------------------------------------------------- reject reasons -#}

{#-
    What a value of each contract type should look like, for reject reasons.
    decimal_money: a contract `decimal` column that holds an amount (site and
    generic orders, GA4 revenue), parsed with parse_decimal(..., type_money()).
-#}
{% macro parse_expectation(type) -%}
    {%- set expected = {
        'integer': 'is not a whole number (expected digits such as 1234 or 1,234)',
        'decimal': 'is not a number (expected digits such as 1234.5 or 1,234.50)',
        'decimal_money': 'is not an amount (expected digits such as 1234.5 or 1,234.50)',
        'money': 'is not a money amount (expected such as 1,234.50 or ¥1,234.50)',
        'percent': 'is not a percentage (expected such as 3.25% or a fraction between -1 and 1 such as 0.0325)',
        'date': 'is not a date (expected YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)',
        'timestamp': 'is not a timestamp (expected YYYY-MM-DD HH:MM:SS, YYYY-MM-DD HH:MM, the same with /, or a date alone such as YYYY-MM-DD or YYYYMMDD)',
        'epoch_us': 'is not a time in epoch microseconds (expected 16 digits such as 1704067200000000)',
    } -%}
    {%- if type not in expected -%}
        {{ exceptions.raise_compiler_error("parse_expectation: unknown export type '" ~ type ~ "'") }}
    {%- endif -%}
    {{ return(expected[type]) }}
{%- endmacro %}

{#-
    A reject reason when the cleaned text `raw_column` is present but its parse
    `column` is NULL, or when the parsed value is outside what an export can
    hold; else NULL. Examples:
    订单付款时间 (paid_at): '2024-13-45' is not a timestamp (expected ...)
    总金额 (total_amount): '-12.00' is negative (expected 0 or more)
    统计日期 (stat_date): '2031-01-01' is after the day the file was landed
    Counts and amounts are never negative in the exports storeops reads;
    dates lie between `var('earliest_export_date')` and the day after the file
    was landed (one day of slack for time zones; a `planned` date, such as a
    campaign's end, may lie later). Percentages are not range
    checked here: the marts recompute every rate from counts (DECISIONLOG D10).
-#}
{% macro check_parsed(column, header, type, raw_column=none, planned=false) -%}
    {%- set raw = raw_column or column ~ '_raw' -%}
    {%- set shown = "'" ~ header ~ " (" ~ column ~ "): ''' || substr(" ~ raw ~ ", 1, 80) || '''" -%}
    case
        when {{ raw }} is not null and {{ column }} is null
            then {{ shown }} {{ storeops.parse_expectation(type) }}'
        {%- if type in ('integer', 'decimal', 'decimal_money', 'money') %}
        when {{ column }} < 0
            then {{ shown }} is negative (expected 0 or more)'
        {%- elif type in ('date', 'timestamp', 'epoch_us') %}
        when cast({{ column }} as date) < cast('{{ var("earliest_export_date") }}' as date)
            then {{ shown }} is before {{ var("earliest_export_date") }} (the earliest date accepted: set STOREOPS_EARLIEST_DATE for older histories)'
        {%- if not planned %}
        when cast({{ column }} as date) > cast({{ dbt.dateadd('day', 1, '_loaded_at') }} as date)
            then {{ shown }} is after the day the file was landed (a future date)'
        {%- endif %}
        {%- endif %}
    end
{%- endmacro %}

{#- A reject reason when a required value is empty or "not reported"; else NULL. -#}
{% macro check_required(column, header, raw_column=none) -%}
    case
        when {{ raw_column or column }} is null then '{{ header }} ({{ column }}): required value is empty'
    end
{%- endmacro %}

{#- Readable natural key of a row, for quarantine reasons: "stat_date = 2024-01-05, product_id = 123". -#}
{% macro natural_key_text(columns) -%}
    {%- for column in columns -%}
        '{{ column }} = ' || coalesce({{ dbt.safe_cast(column, dbt.type_string()) }}, 'NULL')
        {{- " || ', ' || " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
