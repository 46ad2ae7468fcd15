{#- The campaign calendar's vocabularies (exports/manual/campaigns and the seed campaign_calendar), written
    once. The contract (src/storeops/contracts/manual.yml) lists the spellings a file may use; these macros
    say what each means. -#}

{#- ISO day of the week (1 = Monday ... 7 = Sunday) of a weekday as an operator writes it: `wednesday`,
    `wed`, `3`, 周三, 星期三 (trimmed, any case); NULL when empty or unknown. -#}
{% macro iso_weekday(expression) -%}
    {%- set names = [
        ['monday', 'mon', '1', '周一', '星期一'],
        ['tuesday', 'tue', '2', '周二', '星期二'],
        ['wednesday', 'wed', '3', '周三', '星期三'],
        ['thursday', 'thu', '4', '周四', '星期四'],
        ['friday', 'fri', '5', '周五', '星期五'],
        ['saturday', 'sat', '6', '周六', '星期六'],
        ['sunday', 'sun', '7', '周日', '星期日'],
    ] -%}
    case lower(trim({{ expression }}))
        {%- for spellings in names %}
            {%- set day = loop.index %}
            {%- for spelling in spellings %}
        when '{{ spelling }}' then {{ day }}
            {%- endfor %}
        {%- endfor %}
    end
{%- endmacro %}

{#- The campaign type code of a type as written: the English code, or its Chinese name. -#}
{% macro campaign_type_code(expression) -%}
    case lower(trim({{ expression }}))
        when '平台大促' then 'platform_festival'
        when '会员日' then 'member_day'
        when '主题周' then 'theme_week'
        when '预售' then 'presale'
        when '其他' then 'other'
        else lower(trim({{ expression }}))
    end
{%- endmacro %}

{#- Campaign types whose row is a weekly rule (weekday, from, to) rather than one period. -#}
{% macro recurring_campaign_types() -%}
    {{ return(['member_day']) }}
{%- endmacro %}

{#- The daily measures a campaign is judged on, with a same-weekday baseline (int_platform_sales_baselines)
    and an uplift (measure - baseline) in the campaign marts. Written once for both. -#}
{% macro campaign_baseline_measures() -%}
    {{ return(['gmv', 'paying_buyers', 'orders', 'new_customers', 'refund_amount', 'visitors']) }}
{%- endmacro %}

{#- The type of a campaign measure's total: money for amounts, bigint for counts. -#}
{% macro campaign_measure_type(measure) -%}
    {{ return(storeops.type_money() if measure in ['gmv', 'refund_amount'] else 'bigint') }}
{%- endmacro %}

{#- The platforms of the campaign calendar, one row each (`select ... as platform`): every platform with an export
    contract except the operator's own sheets (`manual`). A calendar row for `all` stands for each of them. -#}
{% macro calendar_platforms() -%}
    {%- set platforms = [] %}
    {%- for export in storeops.export_contracts() %}
        {%- set platform = export.split('__', 1)[0] %}
        {%- if platform != 'manual' and platform not in platforms %}{% do platforms.append(platform) %}{% endif %}
    {%- endfor %}
    {%- for platform in platforms -%}
        select '{{ platform }}' as platform
        {% if not loop.last %}union all
        {% endif -%}
    {%- endfor %}
{%- endmacro %}
