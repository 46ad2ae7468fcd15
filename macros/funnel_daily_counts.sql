{#-
    Funnel counts per day, platform and the grain's keys (macros/funnel.sql), before any rate: the
    body of int_funnel_daily_counts__<platform> (keys ['store_id', 'channel']) and
    int_funnel_store_daily_counts (keys ['store_id']). Each platform fills the steps its exports report; the others stay NULL ("not
    reported", never 0):
      tmall        channel rows: Sycm traffic sources (流量来源), labels mapped to channels by the channel
                   map; several labels (and their 来源明细 rows) of one channel are summed, so the distinct
                   counts of such a row are sums over labels (visitors_is_distinct_count says when a row
                   holds one label only). Store rows: Sycm shop overview (店铺整体), net GMV from the order
                   export (orders paid that day, less what has been refunded on them).
                   Days with no Sycm export: the order export alone (int_funnel_tmall_order_days), channel
                   `other`, order and payment steps only.
      site         events (distinct visitors, product viewers, cart adders per day; by session channel on
                   channel rows) and orders (by the channel of their session, int_funnel_orders)
      alibaba_com, made_in_china
                   (the B2B platforms, b2b_platforms()): product performance (int_b2b_product_performance)
                   summed over products; channel rows take the channel of the channel map's `organic` label of
                   the platform (the exports have no source split) and their visitors are sums over products;
                   no shop-level visitor count is exported, so store rows have visitors NULL
      generic      orders (by the export's channel label on channel rows)
    Store rows' distinct counts are the platform's own daily totals or distinct recounts over the day,
    never a sum over channel rows. `visitors_is_distinct_count` exists on channel rows only.
    `platform` (optional) gives one platform's rows only, reading only what that platform needs: the
    channel grain is one model per platform (int_funnel_daily_counts__<platform>, unioned by
    int_funnel_daily_counts; DECISIONLOG Q2); the store grain reads all of them in one model.
-#}
{#- The funnel's platforms, in the order of their blocks below: int_funnel_daily_counts unions one model
    per platform, int_funnel_daily_counts__<platform>, and does not compile while one is missing. -#}
{% macro funnel_platforms() -%}
    {{ return(['tmall', 'alibaba_com', 'made_in_china', 'site', 'generic']) }}
{%- endmacro %}

{#- The B2B platforms: their funnel is product performance summed over products (exposure → click → visitor →
    inquiry), read from int_b2b_product_performance, one block for all of them (DECISIONLOG G6). -#}
{% macro b2b_platforms() -%}
    {{ return(['alibaba_com', 'made_in_china']) }}
{%- endmacro %}

{% macro funnel_daily_counts(keys, platform=none) -%}
    {%- set all_platforms = storeops.funnel_platforms() -%}
    {%- if platform is not none and platform not in all_platforms -%}
        {{ exceptions.raise_compiler_error("funnel_daily_counts: unknown platform '" ~ platform ~ "'") }}
    {%- endif -%}
    {%- set platforms = all_platforms if platform is none else [platform] -%}
    {%- set b2b = [] -%}
    {%- for name in storeops.b2b_platforms() if name in platforms %}{% do b2b.append(name) %}{% endfor -%}
    {%- set order_platforms = [] -%}
    {%- for name in ['site', 'generic'] if name in platforms %}{% do order_platforms.append(name) %}{% endfor -%}
    {%- set by_channel = 'channel' in keys -%}
    {%- set site_steps = ['visitors', 'page_views', 'product_viewers', 'cart_adders'] %}

with
{%- if 'tmall' in platforms %}

sycm as (

    {% if by_channel -%}
        select * from {{ ref('stg_tmall__sycm_traffic_sources') }}
    {%- else -%}
        select * from {{ ref('stg_tmall__sycm_shop_daily') }}
    {%- endif %}

),
{%- endif %}
{%- if b2b %}

b2b_products as (

    select * from {{ ref('int_b2b_product_performance') }}
    where platform in ('{{ b2b | join("', '") }}')

),
{%- endif %}
{%- if 'site' in platforms %}

site_events as (

    select * from {{ ref('int_site_events_sessionized') }}

),
{%- endif %}
{%- if by_channel and 'site' in platforms %}

site_sessions as (

    select * from {{ ref('int_funnel_site_sessions') }}

),
{%- endif %}
{%- if by_channel and ('tmall' in platforms or b2b) %}

channel_map as (

    select * from {{ ref('channel_map') }}

),
{%- endif %}
{%- if order_platforms or ('tmall' in platforms and not by_channel) %}

orders as (

    select * from {{ ref('int_funnel_orders') }}

),
{%- endif %}
{%- if platforms != ['generic'] %}

stores as (

    select * from {{ ref('int_funnel_platform_stores') }}

),
{%- endif %}
{%- if 'tmall' in platforms %}

tmall_order_days as (

    select * from {{ ref('int_funnel_tmall_order_days') }}

),
{%- if by_channel %}

-- Tmall per channel: the Sycm source labels of the channel summed
tmall as (

    select
        sycm.stat_date,
        'tmall' as platform,
        stores.default_store_id as store_id,
        coalesce(channel_map.channel, 'other') as channel,
        {{- storeops.funnel_steps({
            'visitors': 'sum(sycm.visitors)',
            'page_views': 'sum(sycm.page_views)',
            'cart_adders': 'sum(sycm.cart_adders)',
            'ordering_buyers': 'sum(sycm.ordering_buyers)',
            'paying_buyers': 'sum(sycm.paying_buyers)',
            'gmv': 'sum(sycm.paid_amount)',
        }) }},
        count(*) = 1 as visitors_is_distinct_count

    from sycm
    inner join stores
        on stores.platform = 'tmall'
    left join channel_map
        on channel_map.platform = 'tmall' and sycm.traffic_source = channel_map.source_label
    group by sycm.stat_date, stores.default_store_id, coalesce(channel_map.channel, 'other')

),
{%- else %}

-- net GMV of the Tmall store rows: the order export's orders paid that day, less their refunds
tmall_net as (

    select
        payment_date as stat_date,
        sum(net_paid_amount) as net_gmv

    from orders
    where platform = 'tmall' and is_paid
    group by payment_date

),

-- Tmall per store: the Sycm shop overview's own daily totals
tmall as (

    select
        sycm.stat_date,
        'tmall' as platform,
        stores.default_store_id as store_id,
        {{- storeops.funnel_steps({
            'visitors': 'sycm.visitors',
            'page_views': 'sycm.page_views',
            'product_viewers': 'sycm.product_viewers',
            'cart_adders': 'sycm.cart_adders',
            'ordering_buyers': 'sycm.ordering_buyers',
            'paying_buyers': 'sycm.paying_buyers',
            'paid_orders': 'sycm.paid_orders',
            'gmv': 'sycm.paid_amount',
            'net_gmv': 'coalesce(tmall_net.net_gmv, 0)',
        }) }}

    from sycm
    inner join stores
        on stores.platform = 'tmall'
    left join tmall_net
        on sycm.stat_date = tmall_net.stat_date

),
{%- endif %}

-- Tmall days the Sycm export does not cover: the order export's steps
{%- if by_channel %}, under channel `other`{% endif %}
tmall_orders_only as (

    select
        stat_date,
        platform,
        store_id,
        {%- if by_channel %}
        'other' as channel,
        {%- endif %}
        {{- storeops.funnel_count_columns() }}
        {%- if by_channel %},
        cast(null as boolean) as visitors_is_distinct_count
        {%- endif %}

    from tmall_order_days
    where stat_date not in (select sycm.stat_date from sycm)

),
{%- endif %}
{%- if b2b %}

{% set b2b_steps = {
    'exposures': 'sum(b2b_products.exposures)',
    'clicks': 'sum(b2b_products.clicks)',
    'inquiries': 'sum(b2b_products.inquiries)',
} %}
{%- if by_channel %}{% do b2b_steps.update({'visitors': 'sum(b2b_products.visitors)'}) %}{% endif %}
-- Alibaba.com and Made-in-China.com: product performance summed over products; channel rows carry visitors
-- summed over products (a visitor-product sum), store rows none (no shop-level visitor count is exported)
b2b as (

    select
        b2b_products.stat_date,
        b2b_products.platform,
        stores.default_store_id as store_id,
        {%- if by_channel %}
        coalesce(channel_map.channel, 'other') as channel,
        {%- endif %}
        {{- storeops.funnel_steps(b2b_steps) }}
        {%- if by_channel %},
        count(*) = 1 as visitors_is_distinct_count
        {%- endif %}

    from b2b_products
    inner join stores
        on b2b_products.platform = stores.platform
    {%- if by_channel %}
    left join channel_map
        on b2b_products.platform = channel_map.platform and channel_map.source_label = 'organic'
    group by
        b2b_products.stat_date, b2b_products.platform, stores.default_store_id,
        coalesce(channel_map.channel, 'other')
    {%- else %}
    group by b2b_products.stat_date, b2b_products.platform, stores.default_store_id
    {%- endif %}

),
{%- endif %}
{%- if 'site' in platforms %}

site_traffic as (

    select
        site_events.event_date as stat_date,
        stores.default_store_id as store_id,
        {%- if by_channel %}
        site_sessions.channel,
        {%- endif %}
        count(distinct site_events.user_pseudo_id) as visitors,
        count(case when site_events.event_name = 'page_view' then 1 end) as page_views,
        count(distinct case when site_events.event_name = 'view_item' then site_events.user_pseudo_id end)
            as product_viewers,
        count(distinct case when site_events.event_name = 'add_to_cart' then site_events.user_pseudo_id end)
            as cart_adders

    from site_events
    {%- if by_channel %}
    inner join site_sessions
        on site_events.session_key = site_sessions.session_key
    {%- endif %}
    inner join stores
        on stores.platform = 'site'
    group by site_events.event_date, stores.default_store_id{{ ', site_sessions.channel' if by_channel }}

),
{%- endif %}
{%- if order_platforms %}

ordering as (

    select
        order_date as stat_date,
        platform,
        {{- storeops.funnel_keys(keys) }}
        count(distinct buyer_key) as ordering_buyers

    from orders
    where platform in ('{{ order_platforms | join("', '") }}')
    group by order_date, platform, {{ keys | join(', ') }}

),

paying as (

    select
        payment_date as stat_date,
        platform,
        {{- storeops.funnel_keys(keys) }}
        count(distinct buyer_key) as paying_buyers,
        count(*) as paid_orders,
        sum(paid_amount) as gmv,
        sum(net_paid_amount) as net_gmv

    from orders
    where platform in ('{{ order_platforms | join("', '") }}') and is_paid
    group by payment_date, platform, {{ keys | join(', ') }}

),

order_platform_keys as (
    {%- for relation in ['ordering', 'paying'] + (['site_traffic'] if 'site' in platforms else []) %}

    select
        stat_date,
        {{ "'site' as platform" if relation == 'site_traffic' else 'platform' }},
        {{ keys | join(', ') }}
    from {{ relation }}
    {%- if not loop.last %}
    union
    {%- endif %}
    {%- endfor %}

),

{%- set reported = {
    'ordering_buyers': 'coalesce(ordering.ordering_buyers, 0)',
    'paying_buyers': 'coalesce(paying.paying_buyers, 0)',
    'paid_orders': 'coalesce(paying.paid_orders, 0)',
    'gmv': 'coalesce(paying.gmv, 0)',
    'net_gmv': 'coalesce(paying.net_gmv, 0)',
} %}
{%- for step in site_steps if 'site' in platforms %}
    {%- do reported.update({
        step: "case when order_platform_keys.platform = 'site' then coalesce(site_traffic." ~ step ~ ", 0) end"
    }) %}
{%- endfor %}

-- own shop and generic: every step they report is a count, 0 when nothing happened
order_platforms as (

    select
        order_platform_keys.stat_date,
        order_platform_keys.platform,
        {{- storeops.funnel_keys(keys, 'order_platform_keys') }}
        {{- storeops.funnel_steps(reported) }}
        {%- if by_channel %},
        case when order_platform_keys.platform = 'site' then true end as visitors_is_distinct_count
        {%- endif %}

    from order_platform_keys
    {%- if 'site' in platforms %}
    left join site_traffic
        on
            order_platform_keys.platform = 'site'
            and order_platform_keys.stat_date = site_traffic.stat_date
            {{- storeops.funnel_keys_equal(keys, 'order_platform_keys', 'site_traffic') }}
    {%- endif %}
    {%- for relation in ['ordering', 'paying'] %}
    left join {{ relation }}
        on
            order_platform_keys.stat_date = {{ relation }}.stat_date
            and order_platform_keys.platform = {{ relation }}.platform
            {{- storeops.funnel_keys_equal(keys, 'order_platform_keys', relation) }}
    {%- endfor %}

),
{%- endif %}

{%- set blocks = [] %}
{%- if 'tmall' in platforms %}{% do blocks.extend(['tmall', 'tmall_orders_only']) %}{% endif %}
{%- if b2b %}{% do blocks.append('b2b') %}{% endif %}
{%- if order_platforms %}{% do blocks.append('order_platforms') %}{% endif %}

unioned as (
{% for block in blocks %}
    select * from {{ block }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}

),

final as (

    select
        -- keys
        stat_date,
        platform,
        {{- storeops.funnel_keys(keys) }}

        -- numerics: counts (additive over days{{ ' and channels' if by_channel }}: exposures, clicks, page_views,
        -- paid_orders, inquiries, gmv, net_gmv; the rest are distinct counts of the day)
        {{- storeops.funnel_count_columns(cast=true) }}
        {%- if by_channel %},

        -- booleans
        visitors_is_distinct_count
        {%- endif %}

    from unioned

)

select * from final
{%- endmacro %}
