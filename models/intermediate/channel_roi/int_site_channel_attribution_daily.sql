-- The warehouse's own attribution of own-shop conversions, per conversion day (China), channel and model:
-- each conversion's orders (1), revenue, net revenue and new customer (1 or 0) shared over its touches by the
-- model's weights (DECISIONLOG R4). Per model and day the channels add up to the day's converted revenue.
{{ config(materialized='table') }}

with

weights as (

    select * from {{ ref('int_site_attribution_weights') }}

),

conversions as (

    select * from {{ ref('int_site_conversions') }}

),

weighted as (

    {%- for attribution_model in var('attribution_models') %}

        select
            weights.conversion_date as stat_date,
            weights.channel,
            '{{ attribution_model }}' as attribution_model,
            weights.{{ attribution_model }}_weight as weight,
            conversions.revenue,
            conversions.net_revenue,
            case when conversions.is_new_customer then 1 else 0 end as new_customer

        from weights
        inner join conversions
            on weights.order_id = conversions.order_id
        {% if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

final as (

    select
        -- dates
        stat_date,

        -- strings
        channel,
        attribution_model,

        -- numerics
        sum(weight) as attributed_orders,
        sum(weight * revenue) as attributed_revenue,
        sum(weight * net_revenue) as attributed_net_revenue,
        sum(weight * new_customer) as attributed_new_customers

    from weighted
    group by stat_date, channel, attribution_model

)

select * from final
