-- Pre-sale rule (DECISIONLOG PS1): a Tmall pre-sale order counts as paid, in GMV and paying buyers, on the day
-- its balance (尾款) is paid, and not before; a deposit never followed by its balance is never paid. Every layer
-- an order or GMV mart reads is checked against staging's balance time: int_orders (member marts, channel ROI),
-- int_funnel_orders (the funnel's GMV and paying buyers by payment day) and fct_orders. Returns each pre-sale
-- order a layer counts otherwise.
with

staged as (

    select
        order_id,
        deposit_paid_at,
        balance_paid_at
    from {{ ref('stg_tmall__orders') }}
    where is_presale

),

conformed as (

    select
        order_id,
        is_paid,
        paid_at
    from {{ ref('int_orders') }}
    where platform = 'tmall'

),

funnel as (

    select
        order_id,
        is_paid,
        payment_date
    from {{ ref('int_funnel_orders') }}
    where platform = 'tmall'

),

published as (

    select
        order_id,
        is_paid,
        paid_at
    from {{ ref('fct_orders') }}
    where platform = 'tmall'

),

final as (

    select
        staged.order_id,
        staged.deposit_paid_at,
        staged.balance_paid_at,
        conformed.paid_at as conformed_paid_at,
        funnel.payment_date as funnel_payment_date,
        published.paid_at as published_paid_at

    from staged
    left join conformed
        on staged.order_id = conformed.order_id
    left join funnel
        on staged.order_id = funnel.order_id
    left join published
        on staged.order_id = published.order_id
    where
        conformed.order_id is null
        or conformed.is_paid <> (staged.balance_paid_at is not null)
        or conformed.paid_at is distinct from staged.balance_paid_at
        or published.paid_at is distinct from staged.balance_paid_at
        or published.is_paid <> (staged.balance_paid_at is not null)
        or (funnel.order_id is not null and funnel.is_paid <> (staged.balance_paid_at is not null))
        or (funnel.order_id is not null and funnel.payment_date is distinct from cast(staged.balance_paid_at as date))

)

select * from final
