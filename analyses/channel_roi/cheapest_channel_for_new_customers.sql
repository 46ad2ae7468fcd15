-- Operators' question: which channel brings new customers cheapest?
-- CAC = spend / new customers (a customer's first valid order), per own-shop channel over the whole export range,
-- under each attribution model, ranked under the default model (var attribution_model). New customers are shared
-- over a journey's touches by the model's weights, so they can be fractional. Channels without spend have no CAC.
-- Tmall reports no new buyers per channel: its blended CAC (all Tmall spend / new Tmall customers) is given beside
-- it for scale. Ratio of sums over the period.
-- Run: dbt compile -s cheapest_channel_for_new_customers, then the SQL in target/compiled/.
with

roi as (

    select * from {{ ref('fct_channel_roi_daily') }}
    where is_within_export_range

),

orders as (

    select * from {{ ref('int_orders') }}

),

site_channels as (

    select
        channel,
        attribution_model,
        sum(spend) as spend,
        sum(warehouse_attributed_new_customers) as new_customers,
        sum(warehouse_attributed_orders) as orders

    from roi
    where platform = 'site'
    group by channel, attribution_model

),

site_cac as (

    select
        channel,
        max(case when attribution_model = '{{ var("attribution_model") }}' then spend end) as spend,
        {%- for attribution_model in var('attribution_models') %}
            sum(
                case when attribution_model = '{{ attribution_model }}' then new_customers end
            ) as {{ attribution_model }}_new_customers,
        {%- endfor %}
        {{ safe_divide(
            "max(case when attribution_model = '" ~ var('attribution_model') ~ "' then spend end)",
            "sum(case when attribution_model = '" ~ var('attribution_model') ~ "' then new_customers end)"
        ) }} as default_model_cac

    from site_channels
    group by channel

),

ranked as (

    select
        'site' as platform,
        channel,
        spend,
        {%- for attribution_model in var('attribution_models') %}
            {{ attribution_model }}_new_customers,
            {{ safe_divide('spend', attribution_model ~ '_new_customers') }} as {{ attribution_model }}_cac,
        {%- endfor %}
        rank() over (order by default_model_cac) as cac_rank

    from site_cac
    where spend > 0

),

tmall_first_orders as (

    select
        member_key,
        min(ordered_at) as first_ordered_at

    from orders
    where platform = 'tmall' and is_valid
    group by member_key

),

roi_range as (

    select
        min(stat_date) as first_date,
        max(stat_date) as last_date

    from roi

),

tmall_new_customers as (

    select count(*) as new_customers

    from tmall_first_orders
    cross join roi_range
    where cast(tmall_first_orders.first_ordered_at as date) between roi_range.first_date and roi_range.last_date

),

tmall_spend as (

    select sum(spend) as spend

    from roi
    where platform = 'tmall' and is_default_attribution_model

),

tmall_blended as (

    select
        tmall_spend.spend,
        tmall_new_customers.new_customers

    from tmall_spend
    cross join tmall_new_customers

)

select
    platform,
    channel,
    spend,
    {%- for attribution_model in var('attribution_models') %}
        {{ attribution_model }}_new_customers,
        {{ attribution_model }}_cac,
    {%- endfor %}
    cac_rank
from ranked

union all

select
    'tmall' as platform,
    'all channels (blended)' as channel,
    spend,
    {%- for attribution_model in var('attribution_models') %}
        new_customers as {{ attribution_model }}_new_customers,
        {{ safe_divide('spend', 'new_customers') }} as {{ attribution_model }}_cac,
    {%- endfor %}
    null as cac_rank
from tmall_blended

order by platform, cac_rank
