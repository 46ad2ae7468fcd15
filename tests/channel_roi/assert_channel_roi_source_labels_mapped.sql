-- Warn (not fail) when a traffic-source label that channel ROI reads is missing from the channel_map seed:
-- its rows land in channel `other`. Returns each unmapped platform / label with how many rows carry it, so the
-- seed can be fixed (add `platform,source_label,channel` to seeds/channel_map.csv).
{{ config(severity='warn') }}

with

channel_map as (

    select * from {{ ref('channel_map') }}

),

site_sessions as (

    select * from {{ ref('int_site_sessions') }}

),

sycm_sources as (

    select * from {{ ref('stg_tmall__sycm_traffic_sources') }}

),

zhitongche as (

    select * from {{ ref('stg_tmall__zhitongche') }}

),

p4p as (

    select * from {{ ref('stg_alibaba_com__p4p') }}

),

orders as (

    select * from {{ ref('int_orders') }}
    where platform = 'generic' and source_label is not null

),

used_labels as (

    select
        'site' as platform,
        source_label,
        count(*) as source_rows
    from site_sessions
    group by source_label

    union all

    select
        'tmall' as platform,
        traffic_source as source_label,
        count(*) as source_rows
    from sycm_sources
    group by traffic_source

    union all

    select
        'tmall' as platform,
        '直通车' as source_label,
        count(*) as source_rows
    from zhitongche
    having count(*) > 0

    union all

    select
        'alibaba_com' as platform,
        'P4P' as source_label,
        count(*) as source_rows
    from p4p
    having count(*) > 0

    union all

    -- generic labels are matched lower-cased; a label that is itself a canonical channel needs no seed row
    select
        'generic' as platform,
        lower(trim(source_label)) as source_label,
        count(*) as source_rows
    from orders
    where lower(trim(orders.source_label)) not in (select distinct channel_map.channel from channel_map)
    group by lower(trim(source_label))

)

select
    used_labels.platform,
    used_labels.source_label as unmapped_source_label,
    used_labels.source_rows

from used_labels
left join channel_map
    on
        used_labels.platform = channel_map.platform
        and used_labels.source_label = channel_map.source_label
where channel_map.channel is null
