-- Where do visitors drop out? For each platform, store and channel: every funnel step of last week, the
-- share that continued to the next step, and the step with the biggest drop-off.
-- "Last week" is the last complete ISO week (Monday to Sunday) in fct_funnel_daily; pass another Monday
-- with --vars '{funnel_week_start: "2024-11-04"}'.
-- Counts are the week's sums of daily values (visitor_days, ...): the one measure every platform has
-- (Sycm and Alibaba.com report daily aggregates only). The continuation of a step is then the
-- visitor-weighted mean of the daily continuations. Alibaba.com visitors can exceed clicks (they arrive
-- by other paths), so its funnel goes exposure → click and visitor → inquiry, never click → visitor.
-- Run: dbt compile -s funnel_biggest_drop_off_last_week, then the SQL in target/compiled/.
{%- set steps = [
    ('exposures', 'clicks'),
    ('visitor_days', 'product_viewer_days'),
    ('visitor_days', 'inquiries'),
    ('product_viewer_days', 'cart_adder_days'),
    ('cart_adder_days', 'ordering_buyer_days'),
    ('ordering_buyer_days', 'paying_buyer_days'),
] %}

with

daily as (

    select * from {{ ref('fct_funnel_daily') }}

),

weeks as (

    select * from {{ ref('fct_funnel_periods') }}
    where period_grain = 'week'

),

last_week as (

    select
        {% if var('funnel_week_start', none) is not none -%}
            cast('{{ var("funnel_week_start") }}' as date) as week_start
        {%- else -%}
            -- the Monday of the last week whose Sunday is in the data
            cast(
                {{ dbt.dateadd('day', -7, dbt.date_trunc('week', dbt.dateadd('day', 1, 'max(stat_date)'))) }}
                as date
            ) as week_start
        {%- endif %}
    from daily

),

week_rows as (

    select weeks.*
    from weeks
    inner join last_week
        on weeks.period_start = last_week.week_start

),

-- cart adders follow product viewers where a platform reports them, visitors otherwise (Tmall channels)
steps as (

    {% for from_step, to_step in steps -%}
        select
            platform,
            store_id,
            channel,
            {{ loop.index }} as step_order,
            '{{ from_step }} → {{ to_step }}' as step,
            {{ from_step }} as from_count,
            {{ to_step }} as to_count
        from week_rows
        where {{ from_step }} is not null and {{ to_step }} is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
    union all
    select
        platform,
        store_id,
        channel,
        4 as step_order,
        'visitor_days → cart_adder_days' as step,
        visitor_days as from_count,
        cart_adder_days as to_count
    from week_rows
    where product_viewer_days is null and visitor_days is not null and cart_adder_days is not null

),

rated as (

    select
        *,
        {{ safe_divide('to_count', 'from_count') }} as continued_share,
        1 - {{ safe_divide('to_count', 'from_count') }} as drop_off_share

    from steps

),

ranked as (

    select
        *,
        row_number() over (
            partition by platform, store_id, channel
            order by drop_off_share desc nulls last, step_order asc
        ) as drop_off_rank

    from rated

)

select
    last_week.week_start,
    ranked.platform,
    ranked.store_id,
    ranked.channel,
    ranked.step_order,
    ranked.step,
    ranked.from_count,
    ranked.to_count,
    ranked.continued_share,
    ranked.drop_off_share,
    ranked.drop_off_rank = 1 as is_biggest_drop_off

from ranked
cross join last_week
order by ranked.platform, ranked.store_id, ranked.channel, ranked.step_order
