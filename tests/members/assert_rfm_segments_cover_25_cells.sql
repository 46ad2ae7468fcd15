-- The RFM segment map covers every recency × frequency cell, 1..5 × 1..5, exactly once.
-- Returns each cell that is missing or mapped more than once, and any cell outside the grid.
with

segments as (

    select * from {{ ref('rfm_segments') }}

),

scores as (

    select 1 as score
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5

),

grid as (

    select
        r.score as r_score,
        f.score as f_score

    from scores as r
    cross join scores as f

),

mapped as (

    select
        grid.r_score,
        grid.f_score,
        count(segments.segment) as mappings

    from grid
    left join segments
        on
            grid.r_score = segments.r_score
            and grid.f_score = segments.f_score
    group by grid.r_score, grid.f_score

),

outside as (

    select
        segments.r_score,
        segments.f_score,
        -1 as mappings

    from segments
    left join grid
        on
            segments.r_score = grid.r_score
            and segments.f_score = grid.f_score
    where grid.r_score is null

)

select * from mapped
where mappings <> 1
union all
select * from outside
