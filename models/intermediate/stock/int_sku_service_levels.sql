-- One row per platform and SKU with inventory: the service level its safety stock is for and its z, the
-- one-sided standard normal quantile. The SKU's row of the seed sku_service_levels when there is one, else the
-- default row of the seed service_levels (95 %, z = 1.645, as shipped); z is looked up in service_levels, which
-- the operator edits (DECISIONLOG L5).
with

skus as (

    select distinct
        platform,
        sku_id
    from {{ ref('int_inventory_snapshots') }}

),

levels as (

    select * from {{ ref('service_levels') }}

),

chosen as (

    select
        skus.platform,
        skus.sku_id,
        coalesce(overrides.service_level, default_level.service_level) as service_level
    from skus
    cross join levels as default_level
    left join {{ ref('sku_service_levels') }} as overrides
        on skus.platform = overrides.platform and skus.sku_id = overrides.sku_id
    where default_level.is_default

),

final as (

    select
        chosen.platform,
        chosen.sku_id,
        chosen.service_level,
        levels.z as service_level_z
    from chosen
    left join levels on chosen.service_level = levels.service_level

)

select * from final
