-- The campaign calendar: one row per campaign, platform and phase. The seed campaign_calendar keeps the
-- platform festivals and the member day as a default; the operator's export (stg_manual__campaigns) adds
-- campaigns and replaces every seed row of a campaign_id it names. A row for `all` platforms stands for one
-- row per platform (calendar_platforms()); a row naming a platform wins over an `all` row of the same campaign
-- and phase. A recurring campaign (member_day) is one rule row: its weekday, from start_date to end_date
-- (int_campaign_days expands it). The seed's member day is a default only: a platform for which the export has
-- a member-day rule (its own or an `all` row) takes the export's rules and not the seed's (DECISIONLOG K6).
with

seed_rows as (

    select * from {{ ref('campaign_calendar') }}

),

exported as (

    select * from {{ ref('stg_manual__campaigns') }}

),

-- the seed in the export's shape: a row with a weekday is the weekly member day, the others festivals
seeded as (

    select
        campaign_id,
        'all' as platform,
        lower(trim(phase)) as phase,
        campaign_name,
        case when weekday is not null then 'member_day' else 'platform_festival' end as campaign_type,
        cast(null as {{ dbt.type_string() }}) as mechanics,
        {{ storeops.iso_weekday('weekday') }} as recurring_weekday,
        cast(null as {{ storeops.type_money() }}) as budget,
        weekday is not null as is_recurring,
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date,
        'seed' as calendar_source

    from seed_rows
    where campaign_id not in (select exported.campaign_id from exported)

),

unioned as (

    select * from seeded
    union all
    select
        campaign_id,
        platform,
        phase,
        campaign_name,
        campaign_type,
        mechanics,
        recurring_weekday,
        budget,
        is_recurring,
        start_date,
        end_date,
        'export' as calendar_source
    from exported

),

platforms as (

    {{ storeops.calendar_platforms() }}

),

-- `all` stands for every platform; a row naming the platform wins over it
expanded as (

    select
        unioned.*,
        platforms.platform as calendar_platform,
        row_number() over (
            partition by unioned.campaign_id, platforms.platform, unioned.phase
            order by case when unioned.platform = 'all' then 1 else 0 end
        ) as platform_rank,
        sum(cast(unioned.is_recurring and unioned.calendar_source = 'export' as integer))
            over (partition by platforms.platform)
            as exported_rules

    from unioned
    inner join platforms
        on unioned.platform in (platforms.platform, 'all')

),

final as (

    select
        -- keys
        campaign_id,
        calendar_platform as platform,
        phase,

        -- strings
        campaign_name,
        campaign_type,
        mechanics,
        calendar_source,
        platform as written_platform,

        -- numerics
        recurring_weekday,
        budget,

        -- booleans
        is_recurring,

        -- dates
        start_date,
        end_date

    from expanded
    where platform_rank = 1 and not (is_recurring and calendar_source = 'seed' and exported_rules > 0)

)

select * from final
