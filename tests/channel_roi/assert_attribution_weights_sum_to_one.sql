-- Attribution weights, for every own-shop conversion and every model: each touch's weight is set and lies in
-- [0, 1], and the weights of the conversion's touches sum to 1 (|sum - 1| <= 1e-9); every conversion has a journey.
-- Returns each conversion / model that breaks a rule, with its weight sum, smallest weight and missing weights.
{%- set attribution_models = ['last_click', 'first_click', 'linear', 'time_decay', 'position_based'] %}

with

weights as (

    select * from {{ ref('int_site_attribution_weights') }}

),

conversions as (

    select * from {{ ref('int_site_conversions') }}

),

long as (

    {%- for attribution_model in attribution_models %}
        select
            conversions.order_id,
            '{{ attribution_model }}' as attribution_model,
            weights.touch_number,
            weights.{{ attribution_model }}_weight as weight
        from conversions
        left join weights
            on conversions.order_id = weights.order_id
        {% if not loop.last -%} union all {%- endif %}
    {%- endfor %}

),

per_conversion as (

    select
        order_id,
        attribution_model,
        sum(weight) as weight_sum,
        min(weight) as min_weight,
        max(weight) as max_weight,
        count(*) - count(weight) as missing_weights

    from long
    group by order_id, attribution_model

)

select * from per_conversion
where
    weight_sum is null
    or abs(weight_sum - 1) > 0.000000001
    or min_weight < 0
    or max_weight > 1
    or missing_weights > 0
