-- Order export (订单报表), one row per order.
-- Good, latest rows of tmall/orders: one row per order_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- paid_amount (买家实际支付金额) is read as paid at payment time: refunds NOT subtracted. Some exports
-- write it net of 退款金额 (total 327.7, refund 178.8, paid 148.9): a file where most refunded paid orders
-- satisfy paid + refund = total is read that way, and paid_amount_at_payment adds the refund back
-- (DECISIONLOG D5). has_buyer_column: the order's file carries 买家会员名 (an optional column).
with

current_rows as (

    {{ storeops.current_export_rows('tmall', 'orders') }}

),

files as (

    select * from {{ ref('landed_files') }}

),

-- per file: refunded paid orders, and those whose amounts say 买家实际支付金额 is net of the refund
file_readings as (

    select
        _file_path,
        count(
            case when paid_at is not null and refund_amount > 0 then 1 end
        ) as refunded_paid_orders,
        count(
            case
                when
                    paid_at is not null and refund_amount > 0
                    and abs(paid_amount + refund_amount - total_amount) <= 0.01
                    then 1
            end
        ) as net_of_refund_orders

    from current_rows
    group by _file_path

),

with_file as (

    select
        current_rows.*,
        coalesce(file_readings.net_of_refund_orders * 2 > file_readings.refunded_paid_orders, false)
            as is_paid_amount_net_of_refunds,
        coalesce(', ' || files.missing_optional || ', ' not like '%, 买家会员名, %', true) as has_buyer_column

    from current_rows
    left join file_readings
        on current_rows._file_path = file_readings._file_path
    left join files
        on current_rows._file_path = files.file_path

),

final as (

    select
        *,
        case
            when is_paid_amount_net_of_refunds and paid_at is not null then paid_amount + coalesce(refund_amount, 0)
            else paid_amount
        end as paid_amount_at_payment,
        paid_at is not null as is_paid,
        cast(created_at as date) as order_date

    from with_file

)

select * from final
