-- One row per purchase receipt (stg_generic__purchase_receipts: purchase order, SKU, receipt) with its lead time
-- in days, received_at - ordered_at (fractional: hours count). Receipts come from the warehouse system, whatever
-- platform the SKU sells on, so they join the SKU by its code alone (DECISIONLOG L1).
with

receipts as (

    select * from {{ ref('stg_generic__purchase_receipts') }}

),

final as (

    select
        po_id,
        sku_id,
        warehouse,
        ordered_at,
        received_at,
        quantity,
        {{ dbt.datediff('ordered_at', 'received_at', 'second') }} / 86400.0 as lead_time_days  -- noqa: LT05
    from receipts

)

select * from final
