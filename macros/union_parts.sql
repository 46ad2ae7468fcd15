{#- The whole query of a thin union model: `columns` from the model `<prefix><part>` for each part,
    joined by `union all` (quarantine_rows over its groups, int_funnel_daily_counts over its platforms).
    A part without its model is a compile error ("depends on a node named ... which was not found"). -#}
{% macro union_parts(prefix, parts, columns) -%}
    {%- for part in parts %}
select
    {{ columns | join(',\n    ') }}
from {{ ref(prefix ~ part) }}
        {%- if not loop.last %}
union all
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
