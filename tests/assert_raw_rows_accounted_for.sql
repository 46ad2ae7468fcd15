-- Nothing is lost: for every export, raw rows = staged rows + quarantined rows.
-- Returns the exports where that fails, with the three counts.
{%- set exports = storeops.export_contracts() | list %}

with

raw_counts as (

    {% for export in exports -%}
        {%- set platform, report = export.split('__', 1) -%}
        select
            '{{ export }}' as export,
            count(*) as raw_rows
        from {{ source(platform, report) }}
        {% if not loop.last %}union all
        {% endif -%}
    {%- endfor %}

),

staged_counts as (

    {% for export in exports -%}
        select
            '{{ export }}' as export,
            count(*) as staged_rows
        from {{ ref('stg_' ~ export) }}
        {% if not loop.last %}union all
        {% endif -%}
    {%- endfor %}

),

quarantined_counts as (

    select
        platform || '__' || report as export,
        count(*) as quarantined_rows
    from {{ ref('quarantine_rows') }}
    group by platform, report

),

compared as (

    select
        raw_counts.export,
        raw_counts.raw_rows,
        coalesce(staged_counts.staged_rows, 0) as staged_rows,
        coalesce(quarantined_counts.quarantined_rows, 0) as quarantined_rows
    from raw_counts
    left join staged_counts on raw_counts.export = staged_counts.export
    left join quarantined_counts on raw_counts.export = quarantined_counts.export

)

select * from compared
where raw_rows != staged_rows + quarantined_rows
