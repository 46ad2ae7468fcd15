{#-
    Every non-NULL value of one column lies within [min_value, max_value] (either
    bound may be omitted; inclusive bounds). NULL means "not reported" and passes.
    The one-column case of columns_between, which returns the offending values.
-#}
{% test between(model, column_name, min_value=none, max_value=none) %}
{{ test_columns_between(model, [column_name], min_value, max_value) }}
{% endtest %}
