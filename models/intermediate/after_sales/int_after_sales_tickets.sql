-- Service tickets of every platform with their reason category and resolution time: one row per platform +
-- ticket (DECISIONLOG A2, A4). The category and sub category are mapped by the seed after_sales_reason_map.

with

tickets as (

    {% for platform in ['tmall', 'generic'] -%}
        select
            '{{ platform }}' as platform,
            ticket_id,
            order_id,
            category,
            sub_category,
            created_at,
            resolved_at
        from {{ ref('stg_' ~ platform ~ '__service_tickets') }}
        {{ "union all" if not loop.last }}
    {% endfor %}
),

final as (

    select
        tickets.platform,
        tickets.ticket_id,
        tickets.order_id,
        tickets.category,
        tickets.sub_category,
        {{ storeops.after_sales_reason_columns('tickets.category') }},
        tickets.created_at,
        cast({{ dbt.date_trunc('month', 'tickets.created_at') }} as date) as created_month,
        tickets.resolved_at,
        {{ dbt.datediff('tickets.created_at', 'tickets.resolved_at', 'second') }} / 3600.0 as resolution_hours  -- noqa: LT05
    from tickets
    {{ storeops.after_sales_reason_joins('ticket', 'tickets.category', 'tickets.sub_category') }}

)

select * from final
