-- fct_data_health's findings about the Tmall order files, one row per file and finding:
--   orders_without_member_key     orders with no buyer (买家会员名 empty or not in the file), so left out of
--                                 the member marts (warning)
--   paid_amount_net_of_refunds    the file writes 买家实际支付金额 net of 退款金额 and is read as such (info)
{%- set member_marts = [
    'dim_members', 'fct_member_cohorts', 'fct_member_repurchase_monthly', 'fct_member_repurchase_by_group'
] | join(', ') %}

with

tmall_orders as (

    select * from {{ ref('stg_tmall__orders') }}

),

tmall_order_files as (

    select
        _file_path as file_path,
        _file_seq as file_seq,
        bool_and(has_buyer_column) as has_buyer_column,
        bool_and(is_paid_amount_net_of_refunds) as is_net_of_refunds,
        count(*) as orders,
        count(case when buyer_nick is null then 1 end) as orders_without_buyer,
        count(case when is_paid and refund_amount > 0 then 1 end) as refunded_paid_orders

    from tmall_orders
    group by _file_path, _file_seq

),

member_findings as (

    select
        'orders_without_member_key' as check_name,
        'warning' as severity,
        'tmall' as platform,
        'orders' as report,
        file_path,
        file_seq,
        case
            when has_buyer_column then '买家会员名 (buyer_nick) empty'
            else '买家会员名 (buyer_nick) not in the file'
        end as subject,
        orders_without_buyer as affected_rows,
        orders as total_rows,
        file_path || ': ' || format('{:,}', orders_without_buyer) || ' of ' || format('{:,}', orders)
        || ' order(s) (' || printf('%.1f', 100.0 * orders_without_buyer / orders) || ' %) have no member key ('
        || case when has_buyer_column then '买家会员名 is empty' else 'the file has no 买家会员名 column' end
        || '): the order and funnel marts count them; the member marts ({{ member_marts }}) leave them out'
            as message

    from tmall_order_files
    where orders_without_buyer > 0

),

amount_findings as (

    select
        'paid_amount_net_of_refunds' as check_name,
        'info' as severity,
        'tmall' as platform,
        'orders' as report,
        file_path,
        file_seq,
        '买家实际支付金额 (paid_amount) net of 退款金额 (refund_amount)' as subject,
        refunded_paid_orders as affected_rows,
        orders as total_rows,
        file_path || ': 买家实际支付金额 is written net of 退款金额 (paid + refund = total on most of its '
        || format('{:,}', refunded_paid_orders) || ' refunded paid orders); read as such: GMV adds the refund back'
        || ' (paid_amount_at_payment), net revenue is the amount as written' as message

    from tmall_order_files
    where is_net_of_refunds

),

final as (

    select * from member_findings
    union all
    select * from amount_findings

)

select * from final
