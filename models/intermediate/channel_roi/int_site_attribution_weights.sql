-- Attribution weights of every own-shop touch under each model (DECISIONLOG R4), one row per conversion and
-- touch, one weight column per model. n = touches of the conversion, k = the touch's position (time order),
-- t = China days from the touch to the conversion. Per conversion each column is >= 0 and sums to 1.
{{ config(materialized='table') }}

with

touchpoints as (

    select * from {{ ref('int_site_touchpoints') }}

),

decay as (

    select
        *,
        power(
            cast(2 as {{ storeops.type_double() }}),
            -cast(days_before_conversion as {{ storeops.type_double() }}) / {{ var('time_decay_half_life_days') }}
        ) as decay_factor

    from touchpoints

),

final as (

    select
        -- ids
        order_id,
        touch_number,
        session_key,

        -- strings
        channel,

        -- numerics
        touches,
        days_before_conversion,
        -- last click: the last touch gets 1
        cast(case when touch_number = touches then 1 else 0 end as {{ storeops.type_double() }})
            as last_click_weight,
        -- first click: the first touch gets 1
        cast(case when touch_number = 1 then 1 else 0 end as {{ storeops.type_double() }})
            as first_click_weight,
        -- linear: 1 / n each
        cast(1 as {{ storeops.type_double() }}) / touches as linear_weight,
        -- time decay: 2^(-t / half-life), normalised over the conversion's touches
        decay_factor / sum(decay_factor) over (partition by order_id) as time_decay_weight,
        -- position based: n = 1 -> 1; n = 2 -> 0.5 each; n >= 3 -> 0.4 first and last, 0.2 / (n - 2) between
        case
            when touches = 1 then cast(1 as {{ storeops.type_double() }})
            when touches = 2 then cast(0.5 as {{ storeops.type_double() }})
            when touch_number = 1 or touch_number = touches then cast(0.4 as {{ storeops.type_double() }})
            else cast(0.2 as {{ storeops.type_double() }}) / (touches - 2)
        end as position_based_weight,

        -- dates
        conversion_date

    from decay

)

select * from final
