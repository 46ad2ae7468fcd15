-- clicks <= impressions wherever both are reported: in the spend vocabulary (per cost source and day) and in
-- the mart. Returns the offending rows.
with

spend_vocabulary as (

    select * from {{ ref('int_channel_spend_daily') }}

),

mart as (

    select * from {{ ref('fct_channel_roi_daily') }}

)

select
    'int_channel_spend_daily' as relation,
    stat_date,
    platform,
    channel,
    cost_source as detail,
    impressions,
    clicks
from spend_vocabulary
where clicks > impressions

union all

select
    'fct_channel_roi_daily' as relation,
    stat_date,
    platform,
    channel,
    attribution_model as detail,
    impressions,
    clicks
from mart
where clicks > impressions
