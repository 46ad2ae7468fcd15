-- Ticket categories and refund reasons with no row in the seed after_sales_reason_map: they count as `other`
-- in fct_after_sales_monthly until the operator adds a row (DECISIONLOG A2). Lists each unmapped wording with
-- its platform and the rows it covers.
{{ config(severity='warn') }}

with

tickets as (

    select
        'ticket' as source,
        platform,
        category,
        sub_category,
        count(*) as unmapped_rows
    from {{ ref('int_after_sales_tickets') }}
    where not is_reason_mapped
    group by platform, category, sub_category

),

refunds as (

    select
        'refund' as source,
        platform,
        reason as category,
        cast(null as {{ dbt.type_string() }}) as sub_category,
        count(*) as unmapped_rows
    from {{ ref('int_after_sales_refunds') }}
    where not is_reason_mapped
    group by platform, reason

)

select * from tickets
union all
select * from refunds
