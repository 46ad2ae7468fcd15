-- What the landed exports lack or lost, one row per finding, file and subject: the build prints these
-- rows and BI tools read them. Findings:
--   missing_optional_columns      optional columns absent from a file (NULL from staging on;
--                                 int_health_missing_columns)
--   rows_quarantined              rows of a file kept out of staging, per reason (values stripped;
--                                 int_health_quarantined_rows)
--   orders_without_member_key     Tmall orders with no buyer, so left out of the member marts
--                                 (int_health_tmall_order_files)
--   paid_amount_net_of_refunds    a Tmall file writing 买家实际支付金额 net of 退款金额 (read as such;
--                                 int_health_tmall_order_files)
-- severity: error = more than var('max_reject_share') of a file's rows rejected for one reason (a data test
-- fails the build on it unless keep_going); warning = something the marts leave out; info = nothing lost.

with

unioned as (

    select * from {{ ref('int_health_missing_columns') }}
    union all
    select * from {{ ref('int_health_quarantined_rows') }}
    union all
    select * from {{ ref('int_health_tmall_order_files') }}

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
