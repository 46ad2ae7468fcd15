-- The member marts' months: one row per platform and calendar month of int_member_platform_days (from the
-- platform's first order month to its reference month), with whether the month is complete in the data (on
-- or before the platform's last complete month). The month spine of the cohort and repurchase models.
with

platform_days as (

    select * from {{ ref('int_member_platform_days') }}

),

final as (

    select distinct
        -- ids
        platform,

        -- booleans
        month_start <= last_complete_month as is_complete_month,

        -- dates
        month_start,
        reference_date,
        last_complete_month

    from platform_days

)

select * from final
