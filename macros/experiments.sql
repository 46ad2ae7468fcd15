{#-
    Distribution functions for the experiment marts, in SQL (DuckDB has none built in; DECISIONLOG X4).

    - erfc(x): Numerical Recipes' Chebyshev fit `erfcc`, fractional error below 1.2e-7 for every x, so
      a two-sided normal p-value erfc(|z| / sqrt 2) is good to 1.2e-7 of itself (well inside 1e-6).
    - Chi-square upper tail with whole degrees of freedom k: the closed forms of the regularised upper
      incomplete gamma Q(k/2, x/2), a finite sum (exact up to erfc for odd k).
    - Student's t: through the regularised incomplete beta I_x(a, b), evaluated by its continued fraction
      (Lentz's method, Numerical Recipes' betacf) in a recursive CTE until a step changes it by less than
      1e-15; P(|T| > t) = I_{df / (df + t^2)}(df / 2, 1 / 2).
    pytests/test_experiments.py checks them against scipy.stats on a grid (the incomplete beta and even-df
    chi-square to 1e-9, erfc-based values to 1.2e-7 of themselves) and the marts to 1e-6.
-#}

{#- The 97.5 % and 80 % quantiles of the standard normal (scipy.stats.norm.ppf). -#}
{% macro z_975() -%} 1.959963984540054 {%- endmacro %}
{% macro z_80() -%} 0.8416212335729143 {%- endmacro %}

{#- erfc(x) for x >= 0 (Numerical Recipes, erfcc). -#}
{% macro _erfc_nonnegative(x) -%}
    (1.0 / (1.0 + 0.5 * {{ x }})) * exp(-({{ x }}) * ({{ x }}) - 1.26551223 + (1.0 / (1.0 + 0.5 * {{ x }})) * (1.00002368
    + (1.0 / (1.0 + 0.5 * {{ x }})) * (0.37409196 + (1.0 / (1.0 + 0.5 * {{ x }})) * (0.09678418
    + (1.0 / (1.0 + 0.5 * {{ x }})) * (-0.18628806 + (1.0 / (1.0 + 0.5 * {{ x }})) * (0.27886807
    + (1.0 / (1.0 + 0.5 * {{ x }})) * (-1.13520398 + (1.0 / (1.0 + 0.5 * {{ x }})) * (1.48851587
    + (1.0 / (1.0 + 0.5 * {{ x }})) * (-0.82215223 + (1.0 / (1.0 + 0.5 * {{ x }})) * 0.17087277)))))))))
{%- endmacro %}

{#- The complementary error function of any x. -#}
{% macro erfc(x) -%}
    (case
        when ({{ x }}) >= 0 then {{ storeops._erfc_nonnegative(x) }}
        else 2.0 - {{ storeops._erfc_nonnegative('(-(' ~ x ~ '))') }}
    end)
{%- endmacro %}

{#- The standard normal CDF. -#}
{% macro normal_cdf(x) -%}
    (0.5 * {{ storeops.erfc('(-(' ~ x ~ ') / sqrt(2.0))') }})
{%- endmacro %}

{#- The two-sided p-value of a z statistic, 2 (1 - Phi(|z|)). -#}
{% macro normal_two_sided_p(z) -%}
    {{ storeops.erfc('(abs(' ~ z ~ ') / sqrt(2.0))') }}
{%- endmacro %}

{#-
    P(X > x) for X chi-square with `df` (a whole number >= 1) degrees of freedom, as a correlated
    subquery over range(): Q(df / 2, x / 2) =
      even df: exp(-y) * sum_{i = 0}^{df/2 - 1} y^i / i!
      odd df:  erfc(sqrt y) + exp(-y) * sum_{i = 1}^{(df - 1)/2} y^(i - 1/2) / Gamma(i + 1/2),   y = x / 2.
    Terms are summed in log space (no overflow for large x). NULL when x or df is NULL.
-#}
{% macro chi_square_sf(x, df) -%}
    (case
        when ({{ x }}) is null or ({{ df }}) is null or ({{ df }}) < 1 then null
        when ({{ x }}) <= 0 then 1.0
        else (
            select
                case when ({{ df }}) % 2 = 1 then {{ storeops.erfc('sqrt((' ~ x ~ ') / 2.0)') }} else 0.0 end
                + coalesce(sum(exp(
                    -(({{ x }}) / 2.0)
                    + (terms.i - 0.5 * (({{ df }}) % 2)) * ln(({{ x }}) / 2.0)
                    - lgamma(terms.i - 0.5 * (({{ df }}) % 2) + 1.0)
                )), 0.0)
            from range(cast(({{ df }}) % 2 as bigint), cast(floor(({{ df }}) / 2.0) + ({{ df }}) % 2 as bigint))
                as terms (i)
        )
    end)
{%- endmacro %}

{#- Lentz's method keeps |c| and |d| away from 0. -#}
{% macro _lentz_floor(v) -%}
    (case when abs({{ v }}) < 1e-300 then 1e-300 else {{ v }} end)
{%- endmacro %}

{#-
    CTEs giving the regularised incomplete beta I_x(a, b) for each row of `input` (columns test_key, a, b, x;
    a, b > 0 and x in [0, 1]): three CTEs, the last named `name` with columns (test_key, value). The model
    must start with `with recursive`. Where x >= (a + 1) / (a + b + 2) the fraction converges slowly, and
    I_x(a, b) = 1 - I_{1-x}(b, a) is used instead (Numerical Recipes, betai).
-#}
{% macro incomplete_beta_ctes(name, input) -%}
    {%- set d1 = storeops._lentz_floor('1.0 + ' ~ name ~ '_steps.m * (' ~ name ~ '_steps.b - ' ~ name ~ '_steps.m) * '
        ~ name ~ '_steps.x / ((' ~ name ~ '_steps.a - 1.0 + 2 * ' ~ name ~ '_steps.m) * (' ~ name ~ '_steps.a + 2 * '
        ~ name ~ '_steps.m)) * ' ~ name ~ '_steps.d') -%}
    {%- set c1 = storeops._lentz_floor('1.0 + ' ~ name ~ '_steps.m * (' ~ name ~ '_steps.b - ' ~ name ~ '_steps.m) * '
        ~ name ~ '_steps.x / ((' ~ name ~ '_steps.a - 1.0 + 2 * ' ~ name ~ '_steps.m) * (' ~ name ~ '_steps.a + 2 * '
        ~ name ~ '_steps.m)) / ' ~ name ~ '_steps.c') -%}
    {%- set aa2 = '(-(' ~ name ~ '_steps.a + ' ~ name ~ '_steps.m) * (' ~ name ~ '_steps.a + ' ~ name ~ '_steps.b + '
        ~ name ~ '_steps.m) * ' ~ name ~ '_steps.x / ((' ~ name ~ '_steps.a + 2 * ' ~ name ~ '_steps.m) * ('
        ~ name ~ '_steps.a + 1.0 + 2 * ' ~ name ~ '_steps.m)))' -%}
    {%- set d2 = storeops._lentz_floor('1.0 + ' ~ aa2 ~ ' / ' ~ d1) -%}
    {%- set c2 = storeops._lentz_floor('1.0 + ' ~ aa2 ~ ' / ' ~ c1) -%}
{{ name }}_start as (

    select
        test_key,
        x >= (a + 1.0) / (a + b + 2.0) as is_flipped,
        case when x >= (a + 1.0) / (a + b + 2.0) then b else a end as a,
        case when x >= (a + 1.0) / (a + b + 2.0) then a else b end as b,
        case when x >= (a + 1.0) / (a + b + 2.0) then 1.0 - x else x end as x

    from {{ input }}
    where x > 0 and x < 1

),

{{ name }}_steps (test_key, is_flipped, a, b, x, m, c, d, h, delta) as (

    select
        test_key,
        is_flipped,
        cast(a as {{ storeops.type_double() }}) as a,
        cast(b as {{ storeops.type_double() }}) as b,
        cast(x as {{ storeops.type_double() }}) as x,
        1 as m,
        -- typed as doubles: a recursive CTE keeps its first select's types (1.0 alone is a decimal(2, 1))
        cast(1.0 as {{ storeops.type_double() }}) as c,
        cast(1.0 / {{ storeops._lentz_floor('1.0 - (a + b) * x / (a + 1.0)') }} as {{ storeops.type_double() }}) as d,
        cast(1.0 / {{ storeops._lentz_floor('1.0 - (a + b) * x / (a + 1.0)') }} as {{ storeops.type_double() }}) as h,
        cast(0.0 as {{ storeops.type_double() }}) as delta

    from {{ name }}_start

    union all

    select
        {{ name }}_steps.test_key,
        {{ name }}_steps.is_flipped,
        {{ name }}_steps.a,
        {{ name }}_steps.b,
        {{ name }}_steps.x,
        {{ name }}_steps.m + 1 as m,
        {{ c2 }} as c,
        1.0 / {{ d2 }} as d,
        {{ name }}_steps.h * (1.0 / {{ d1 }}) * {{ c1 }} * (1.0 / {{ d2 }}) * {{ c2 }} as h,
        (1.0 / {{ d2 }}) * {{ c2 }} as delta

    from {{ name }}_steps
    where abs({{ name }}_steps.delta - 1.0) > 1e-15 and {{ name }}_steps.m < 100000

),

{{ name }}_last as (

    select
        test_key,
        arg_max(is_flipped, m) as is_flipped,
        arg_max(a, m) as a,
        arg_max(b, m) as b,
        arg_max(x, m) as x,
        arg_max(h, m) as h

    from {{ name }}_steps
    group by test_key

),

{{ name }} as (

    select
        {{ input }}.test_key,
        case
            when {{ input }}.x <= 0 then 0.0
            when {{ input }}.x >= 1 then 1.0
            else (
                case when {{ name }}_last.is_flipped then -1.0 else 1.0 end
                * exp(
                    lgamma({{ name }}_last.a + {{ name }}_last.b) - lgamma({{ name }}_last.a)
                    - lgamma({{ name }}_last.b) + {{ name }}_last.a * ln({{ name }}_last.x)
                    + {{ name }}_last.b * ln(1.0 - {{ name }}_last.x)
                ) * {{ name }}_last.h / {{ name }}_last.a
                + case when {{ name }}_last.is_flipped then 1.0 else 0.0 end
            )
        end as value

    from {{ input }}
    left join {{ name }}_last
        on {{ input }}.test_key = {{ name }}_last.test_key

)
{%- endmacro %}

{#- The density of Student's t with `df` degrees of freedom at `q`. -#}
{% macro t_density(q, df) -%}
    exp(
        lgamma(({{ df }} + 1.0) / 2.0) - lgamma({{ df }} / 2.0) - 0.5 * ln({{ df }} * pi())
        - ({{ df }} + 1.0) / 2.0 * ln(1.0 + {{ q }} * {{ q }} / {{ df }})
    )
{%- endmacro %}
