-- What the landed exports lack or lost, one row per finding, file and subject: the build prints these
-- rows and BI tools read them. Findings:
--   missing_optional_columns      optional columns absent from a file (NULL from staging on)
--   rows_quarantined              rows of a file kept out of staging, per reason (values stripped)
--   orders_without_member_key     Tmall orders with no buyer, so left out of the member marts
--   paid_amount_net_of_refunds    a Tmall file writing 买家实际支付金额 net of 退款金额 (read as such)
-- severity: error = more than var('max_reject_share') of a file's rows rejected for one reason (a data test
-- fails the build on it unless keep_going); warning = something the marts leave out; info = nothing lost.
{%- set max_share = var('max_reject_share') | float %}
{%- set member_marts = [
    'dim_members', 'fct_member_cohorts', 'fct_member_repurchase_monthly', 'fct_member_repurchase_by_group'
] | join(', ') %}
{%- set threshold_note = '; above the ' ~ ('%g' | format(100 * max_share)) ~ ' % threshold (STOREOPS_MAX_REJECT_SHARE):'
    ~ ' most likely a mapping problem (a date format, a column in the wrong place), not bad rows' %}

with

files as (

    select * from {{ ref('landed_files') }}

),

quarantined as (

    select * from {{ ref('quarantine_rows') }}

),

tmall_orders as (

    select * from {{ ref('stg_tmall__orders') }}

),

missing_columns as (

    select
        'missing_optional_columns' as check_name,
        'info' as severity,
        platform,
        report,
        file_path,
        file_seq,
        missing_optional as subject,
        rows as affected_rows,
        rows as total_rows,
        file_path || ': ' || cast(len(string_split(missing_optional, ', ')) as varchar)
        || ' optional column(s) not in the file, NULL from staging on: ' || missing_optional as message

    from files
    where missing_optional is not null

),

quarantine_reasons as (

    select
        platform,
        report,
        file_path,
        file_seq,
        reason_code,
        case
            when reason_code = 'superseded' then 'the same key was exported again in a later file'
            else regexp_replace(reason, ': ''.*?'' ', ': ', 'g')
        end as reason_check

    from quarantined

),

quarantine_counts as (

    select
        quarantine_reasons.platform,
        quarantine_reasons.report,
        quarantine_reasons.file_path,
        quarantine_reasons.file_seq,
        quarantine_reasons.reason_code,
        quarantine_reasons.reason_check,
        count(*) as affected_rows,
        any_value(files.rows) as total_rows

    from quarantine_reasons
    left join files
        on quarantine_reasons.file_seq = files.file_seq
    group by
        quarantine_reasons.platform,
        quarantine_reasons.report,
        quarantine_reasons.file_path,
        quarantine_reasons.file_seq,
        quarantine_reasons.reason_code,
        quarantine_reasons.reason_check

),

quarantine_findings as (

    select
        'rows_quarantined' as check_name,
        case
            when reason_code = 'superseded' then 'info'
            when affected_rows > {{ max_share }} * total_rows then 'error'
            else 'warning'
        end as severity,
        platform,
        report,
        file_path,
        file_seq,
        reason_code || ': ' || reason_check as subject,
        affected_rows,
        total_rows,
        file_path || ': ' || format('{:,}', affected_rows) || ' of ' || format('{:,}', total_rows)
        || ' row(s) (' || printf('%.1f', 100.0 * affected_rows / nullif(total_rows, 0)) || ' %) in quarantine, '
        || reason_code || ': ' || reason_check
        || case
            when reason_code <> 'superseded' and affected_rows > {{ max_share }} * total_rows
                then '{{ threshold_note }}'
            else ''
        end as message

    from quarantine_counts

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

unioned as (

    select * from missing_columns
    union all
    select * from quarantine_findings
    union all
    select * from member_findings
    union all
    select * from amount_findings

),

final as (

    select
        -- ids
        check_name,
        cast(file_seq as bigint) as file_seq,
        subject,

        -- strings
        severity,
        platform,
        report,
        file_path,
        message,

        -- numerics
        cast(affected_rows as bigint) as affected_rows,
        cast(total_rows as bigint) as total_rows,
        cast({{ safe_divide('affected_rows', 'total_rows') }} as {{ storeops.type_double() }}) as affected_share

    from unioned

)

select * from final
