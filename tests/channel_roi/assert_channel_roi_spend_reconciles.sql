-- Reconciliation across layers (spend in the mart = spend in the staged cost sources + the manual_costs seed):
--   1. per attribution model and platform, spend in fct_channel_roi_daily equals Zhitongche + Alibaba.com P4P
--      (staging) + manual_costs (seed), exactly, for each of the five models;
--   2. per cost source, spend in the spend vocabulary (int_channel_spend_daily) equals its source, exactly.
-- Returns each check whose totals differ, with both figures.
{%- set attribution_models = ['last_click', 'first_click', 'linear', 'time_decay', 'position_based'] %}

with

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}

),

spend_vocabulary as (

    select * from {{ ref('int_channel_spend_daily') }}

),

source_spend as (

    select
        'tmall' as platform,
        'zhitongche' as cost_source,
        spend
    from {{ ref('stg_tmall__zhitongche') }}

    union all

    select
        'alibaba_com' as platform,
        'alibaba_com_p4p' as cost_source,
        spend
    from {{ ref('stg_alibaba_com__p4p') }}

    union all

    select
        platform,
        'manual_costs' as cost_source,
        amount as spend
    from {{ ref('manual_costs') }}

),

attribution_models as (

    {%- for attribution_model in attribution_models %}
        select '{{ attribution_model }}' as attribution_model
        {% if not loop.last -%} union all {%- endif %}
    {%- endfor %}

),

expected_by_platform as (

    select
        attribution_models.attribution_model,
        source_spend.platform,
        sum(source_spend.spend) as expected_spend

    from attribution_models
    cross join source_spend
    group by attribution_models.attribution_model, source_spend.platform

),

mart_by_platform as (

    select
        attribution_model,
        platform,
        sum(spend) as actual_spend

    from mart
    group by attribution_model, platform

),

platform_check as (

    select
        'mart spend per model and platform' as check_name,
        coalesce(expected_by_platform.attribution_model, mart_by_platform.attribution_model) as attribution_model,
        coalesce(expected_by_platform.platform, mart_by_platform.platform) as scope,
        coalesce(expected_by_platform.expected_spend, 0) as expected_spend,
        coalesce(mart_by_platform.actual_spend, 0) as actual_spend

    from expected_by_platform
    full outer join mart_by_platform
        on
            expected_by_platform.attribution_model = mart_by_platform.attribution_model
            and expected_by_platform.platform = mart_by_platform.platform

),

expected_by_source as (

    select
        cost_source,
        sum(spend) as expected_spend

    from source_spend
    group by cost_source

),

vocabulary_by_source as (

    select
        cost_source,
        sum(spend) as actual_spend

    from spend_vocabulary
    group by cost_source

),

source_check as (

    select
        'spend vocabulary per cost source' as check_name,
        cast(null as {{ dbt.type_string() }}) as attribution_model,
        coalesce(expected_by_source.cost_source, vocabulary_by_source.cost_source) as scope,
        coalesce(expected_by_source.expected_spend, 0) as expected_spend,
        coalesce(vocabulary_by_source.actual_spend, 0) as actual_spend

    from expected_by_source
    full outer join vocabulary_by_source
        on expected_by_source.cost_source = vocabulary_by_source.cost_source

),

checks as (

    select * from platform_check
    union all
    select * from source_check

)

select * from checks
where expected_spend <> actual_spend
