-- The operator's campaign calendar (exports/manual/campaigns/): good, latest rows, one per campaign_id,
-- platform and phase. Values are read in one vocabulary (macros/campaigns.sql): the type as its code
-- (会员日 → member_day), the platform in lower case (全部 → all), the phase trimmed in lower case, the
-- weekday of a recurring row as its ISO number (1 = Monday). Rows breaking the contract's rules (an end
-- before its start, an unknown type, platform or weekday, a weekday missing on a recurring row or set on
-- another) are in quarantine_rows with the reason.
with

current_rows as (

    {{ storeops.current_export_rows('manual', 'campaigns') }}

),

final as (

    select
        -- ids
        trim(campaign_id) as campaign_id,
        case when lower(trim(platform)) = '全部' then 'all' else lower(trim(platform)) end as platform,
        lower(trim(phase)) as phase,

        -- strings
        trim(campaign_name) as campaign_name,
        {{ storeops.campaign_type_code('campaign_type') }} as campaign_type,
        trim(mechanics) as mechanics,

        -- numerics
        {{ storeops.iso_weekday('recurring_weekday') }} as recurring_weekday,
        budget,

        -- booleans
        {{ storeops.campaign_type_code('campaign_type') }}
        in ('{{ storeops.recurring_campaign_types() | join("', '") }}') as is_recurring,

        -- dates
        start_date,
        end_date,

        -- lineage
        {{ storeops.export_lineage_columns() }}

    from current_rows

)

select * from final
