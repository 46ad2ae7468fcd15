-- One row per SKU code with purchase receipts: how many, and the mean and sample standard deviation of their lead
-- times (int_purchase_lead_times). One receipt has no spread: its σ is NULL here and the replenishment mart reads
-- it as 0 (DECISIONLOG L5).
with

lead_times as (

    select * from {{ ref('int_purchase_lead_times') }}

),

final as (

    select
        sku_id,
        count(*) as lead_time_receipts,
        avg(lead_time_days) as lead_time_days,
        stddev_samp(lead_time_days) as lead_time_stddev_days
    from lead_times
    group by sku_id

)

select * from final
