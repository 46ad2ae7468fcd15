"""Data health: the last export per report, rows quarantined by reason, failing validations, findings, and the
Data Docs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import figures
from labels import count, name, percent, value


def table_or_success(frame: pd.DataFrame, label_column: str, share_column: str, none_message: str) -> None:
    """The rows with their labelled column in Chinese and English and their share as a percentage, or a success
    message when there are none."""
    if frame.empty:
        st.success(none_message)
        return
    st.dataframe(
        frame.assign(**{label_column: frame[label_column].map(value), share_column: frame[share_column].map(percent)})
        .rename(columns=name),
        hide_index=True, width="stretch",
    )


st.title("数据健康 Data health")

summary = figures.health_summary()
cols = st.columns(4)
cols[0].metric("已入库文件 files landed", count(summary["files"]))
cols[1].metric("隔离行数 rows rejected", count(summary["rejected_rows"]))
cols[2].metric("错误 errors", count(summary["errors"]))
cols[3].metric("警告 warnings", count(summary["warnings"]))

docs = figures.data_docs_index()
dbt_docs = figures.dbt_docs_index()
st.markdown(
    f"校验报告 Validation report (Great Expectations Data Docs): [{docs}]({docs.as_uri()})"
    + ("" if docs.exists() else " — not written yet: run `make build`")
    + f"  \ndbt 文档 dbt docs: [{dbt_docs}]({dbt_docs.as_uri()})"
    + ("" if dbt_docs.exists() else " — not written yet: run `make docs`")
)

st.subheader("各报表最近导出 Last export per report")
st.dataframe(figures.last_exports().rename(columns=name), hide_index=True, width="stretch")

st.subheader("按原因隔离的行 Rows quarantined by reason")
st.caption("superseded = an older copy of a row exported again later (kept, not lost); every other reason "
           "is a row that did not parse or lacked a required value. The rows are in quarantine.quarantine_rows.")
st.dataframe(figures.quarantined_by_reason().rename(columns=name), hide_index=True, width="stretch")

st.subheader("未通过的校验 Failing validations")
st.caption("Each export file's failing checks at its latest validation, before landing "
           "(marts.fct_validation_results): blocked = not landed, or most of its rows fail the check; "
           "quarantined = the failing rows are in quarantine; superseded = a key repeated within the file, "
           "the last row kept; warning = landed as is. Example rows are in the validation report above.")
table_or_success(figures.failing_validations(), "outcome", "unexpected_share",
                 "没有未通过的校验 No failing validations: every check passed on every file.")

st.subheader("检查结果 Findings")
st.caption("What the exports lack or lost (marts.fct_data_health): error = a file mostly rejected by one check, "
           "warning = a mart leaves rows out, info = nothing lost.")
table_or_success(figures.health_findings(), "severity", "affected_share",
                 "没有问题 No findings: every landed row was staged and no export lacks a column.")
