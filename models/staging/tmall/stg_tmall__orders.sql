-- Order export (订单报表), one row per order.
-- Good, latest rows of tmall/orders: one row per order_id.
-- Times are China Standard Time (UTC+8), naive, as exported; money is CNY (yuan).
-- paid_amount (买家实际支付金额) is read as paid at payment time: refunds NOT subtracted. Some exports
-- write it net of 退款金额 (total 327.7, refund 178.8, paid 148.9): a file where most refunded paid orders
-- satisfy paid + refund = total is read that way, and paid_amount_at_payment adds the refund back
-- (DECISIONLOG D5). has_buyer_column: the order's file carries 买家会员名 (an optional column).
-- Pre-sale (预售) orders pay a deposit (定金) and later a balance (尾款); the platform counts such an order as paid
-- on the day the balance is paid, so paid_at is the balance's payment time (NULL while only the deposit is
-- paid) and 订单付款时间 as exported stays in exported_paid_at (DECISIONLOG PS1).
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
        {{ storeops.file_has_column('files.missing_optional', "'买家会员名'") }} as has_buyer_column

    from current_rows
    left join file_readings
        on current_rows._file_path = file_readings._file_path
    left join files
        on current_rows._file_path = files.file_path

),

-- a pre-sale order: its row writes 分阶段订单信息, or a deposit amount or time, or a balance time
presale_flagged as (

    select
        *,
        coalesce(
            trim(presale_stages) <> ''
            or deposit_amount > 0
            or deposit_paid_at is not null
            or balance_paid_at is not null,
            false
        ) as is_presale,
        -- 分阶段订单信息 lists the stages as `stage，label：amount，status`, `;`-separated
        coalesce(regexp_matches(presale_stages, '尾款[^;]*未付'), false) as is_balance_unpaid_by_stages

    from with_file

),

-- deposit, deposit time and balance time of pre-sale orders (NULL on the others): as exported, else the deposit
-- from 分阶段订单信息 and the order's creation (a deposit is paid within 30 minutes of the order, or the order
-- closes), and the balance paid at 订单付款时间 unless the stages or the status (等待买家付款) say it is not paid
presale_read as (

    select
        * exclude (deposit_amount, deposit_paid_at, balance_paid_at),
        paid_at as exported_paid_at,
        case
            when is_presale
                then coalesce(
                    deposit_amount,
                    {{ storeops.parse_money("regexp_extract(presale_stages, '定金[^;]*?：([^，;]+)', 1)") }}
                )
        end as deposit_amount,
        case when is_presale then coalesce(deposit_paid_at, created_at) end as deposit_paid_at,
        case
            when not is_presale then null
            when balance_paid_at is not null then balance_paid_at
            when is_balance_unpaid_by_stages or coalesce(trim(order_status) = '等待买家付款', false) then null
            else paid_at
        end as balance_paid_at

    from presale_flagged

),

-- the time the order counts as paid: the balance's for a pre-sale order
payment_counted as (

    select
        * exclude (paid_at, is_balance_unpaid_by_stages),
        case when is_presale then balance_paid_at else exported_paid_at end as paid_at

    from presale_read

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

    from payment_counted

)

select * from final
