-- Operators' question: which channel pays back, month by month, and does the answer depend on the attribution model?
-- ROAS (revenue / spend, "ROI 1:8" = 8) per month, platform and channel: the warehouse's own attribution of
-- own-shop revenue under each of the five models side by side, and the platform's own figure beside them
-- (Zhitongche's 15-day click figure, Sycm's same-day source figure). Ratio of monthly sums, never a mean of days.
-- Run: dbt compile -s channel_roas_by_month_by_model, then the SQL in target/compiled/, or paste into a BI tool.
with

roi as (

    select
        *,
        cast({{ dbt.date_trunc('month', 'stat_date') }} as date) as month_start

    from {{ ref('fct_channel_roi_daily') }}
    where is_within_export_range

),

monthly as (

    select
        month_start,
        platform,
        channel,
        {%- for attribution_model in var('attribution_models') %}
            sum(
                case when attribution_model = '{{ attribution_model }}' then warehouse_attributed_revenue end
            ) as {{ attribution_model }}_revenue,
        {%- endfor %}
        -- spend and platform figures are the same copy in every model: read them from the default one
        sum(case when is_default_attribution_model then spend end) as spend,
        sum(case when is_default_attribution_model then platform_attributed_revenue end) as platform_revenue,
        max(platform_attribution_basis) as platform_attribution_basis

    from roi
    group by month_start, platform, channel

),

final as (

    select
        month_start,
        platform,
        channel,
        spend,
        {{ safe_divide('platform_revenue', 'spend') }} as platform_roas,
        {%- for attribution_model in var('attribution_models') %}
            {{ safe_divide(attribution_model ~ '_revenue', 'spend') }} as {{ attribution_model }}_roas,
        {%- endfor %}
        platform_attribution_basis

    from monthly
    where spend > 0

)

select * from final
order by month_start, platform, channel
