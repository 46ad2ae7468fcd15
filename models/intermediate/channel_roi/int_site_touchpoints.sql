-- The touches of each own-shop conversion (DECISIONLOG R4): one row per conversion and touch.
-- A touch is a session of the converting visitor that started in the `attribution_lookback_days` days
-- (x 24 h) before the conversion, up to and including the converting session. Direct sessions
-- (channel `direct`) count only when the journey has no other touch (GA4's rule), unless the var
-- `attribution_direct_only_if_alone` is false. A conversion with no session at all gets one `direct`
-- touch (no session key), so every conversion is credited. t = China days from the touch to the conversion.
{{ config(materialized='table') }}

with

conversions as (

    select * from {{ ref('int_site_conversions') }}

),

sessions as (

    select * from {{ ref('int_site_sessions') }}

),

candidates as (

    select
        conversions.order_id,
        conversions.conversion_date,
        sessions.session_key,
        sessions.channel,
        sessions.source_label,
        sessions.session_started_at as touched_at,
        sessions.session_date as touch_date,
        coalesce(sessions.session_key = conversions.converting_session_key, false) as is_converting_session,
        sessions.channel = 'direct' as is_direct

    from conversions
    inner join sessions
        on
            conversions.user_pseudo_id = sessions.user_pseudo_id
            and (
                conversions.converting_session_key = sessions.session_key
                or (
                    conversions.converted_at >= sessions.session_started_at
                    and {{ dbt.dateadd('day', -var('attribution_lookback_days'), 'conversions.converted_at') }}
                    <= sessions.session_started_at
                )
            )

),

journeys as (

    select
        *,
        min(case when is_direct then 1 else 0 end) over (partition by order_id) = 0 as has_other_touch

    from candidates

),

kept as (

    select * exclude (has_other_touch) from journeys
    {%- if var('attribution_direct_only_if_alone') %}
        where not (is_direct and has_other_touch)
    {%- endif %}

),

-- conversions without any session in the window: one direct touch at the conversion
untouched as (

    select
        conversions.order_id,
        conversions.conversion_date,
        cast(null as {{ dbt.type_string() }}) as session_key,
        'direct' as channel,
        cast(null as {{ dbt.type_string() }}) as source_label,
        conversions.converted_at as touched_at,
        conversions.conversion_date as touch_date,
        false as is_converting_session,
        true as is_direct

    from conversions
    where not exists (
        select 1 from candidates
        where candidates.order_id = conversions.order_id
    )

),

touches as (

    select * from kept
    union all
    select * from untouched

),

final as (

    select
        -- ids
        order_id,
        row_number() over (partition by order_id order by touched_at, session_key) as touch_number,
        session_key,

        -- strings
        channel,
        source_label,

        -- numerics
        count(*) over (partition by order_id) as touches,
        {{ dbt.datediff('touch_date', 'conversion_date', 'day') }} as days_before_conversion,  -- noqa: LT05

        -- booleans
        is_converting_session,
        is_direct,
        -- a session of the visitor; false for the direct touch of a conversion without one
        session_key is not null as is_session_touch,

        -- timestamps
        touched_at,
        touch_date,
        conversion_date

    from touches

)

select * from final
