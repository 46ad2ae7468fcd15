{#-
    The member marts' repeated measures, written once.

    quintile_of_position: the quintile (1..5) of a row's position within its partition,
    1 + floor(5 × (position − 1) / rows), the position from row_number() in `order_by`
    (end it with a unique tie-break, as the RFM scores do with the member key: DECISIONLOG M5).
-#}
{% macro quintile_of_position(order_by, partition_by='platform') -%}
    1 + cast(floor(
        5.0 * (row_number() over (partition by {{ partition_by }} order by {{ order_by }}) - 1)
        / count(*) over (partition by {{ partition_by }})
    ) as {{ dbt.type_int() }})
{%- endmacro %}

{#-
    rfm_scores: the R / F / M scores (1..5, 5 = best) of members within `partition_by`, the one definition of
    int_members_scored (as of the reference date) and fct_member_rfm_monthly (as of each month end):
    quintiles of the position (quintile_of_position), R on days_since_last_order (fewer is better), F on
    orders, M on net_revenue, members with equal values ordered by member_key (DECISIONLOG M5).
-#}
{% macro rfm_scores(partition_by='platform') -%}
    {{ storeops.quintile_of_position('days_since_last_order desc, member_key asc', partition_by) }} as recency_score,
    {{ storeops.quintile_of_position('orders asc, member_key asc', partition_by) }} as frequency_score,
    {{ storeops.quintile_of_position('net_revenue asc, member_key asc', partition_by) }} as monetary_score
{%- endmacro %}

{#-
    rfm_segment_of: the join condition that gives a scored row (`scored`) its segment in the rfm_segments
    seed (`segments`): the seed maps each (R, F) cell to a segment (DECISIONLOG M6).
-#}
{% macro rfm_segment_of(scored, segments) -%}
    {{ scored }}.recency_score = {{ segments }}.r_score
    and {{ scored }}.frequency_score = {{ segments }}.f_score
{%- endmacro %}

{#-
    reorder_within_days: over members with `days_observed` (days from the first order day to the
    reference date) and `days_to_second_purchase` (NULL without a second purchase day), the two
    counts of "reorder within N days" (DECISIONLOG M7): `<prefix>_observed_<N>d`, the members
    observed for N days at least, and `<prefix>_reordered_<N>d`, those of them with a second
    purchase day within N days of the first.
-#}
{% macro reorder_within_days(days, prefix) -%}
    count(case when days_observed >= {{ days }} then 1 end) as {{ prefix }}_observed_{{ days }}d,
    count(case when days_observed >= {{ days }} and days_to_second_purchase <= {{ days }} then 1 end)
        as {{ prefix }}_reordered_{{ days }}d
{%- endmacro %}
