"""Members: the cohort triangle as a heatmap, RFM segment sizes now and over time, and the recall list as a CSV."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import count, name, percent, value

st.title("会员 Members")

platform = st.selectbox(name("platform"), figures.member_platforms(), format_func=value, key="members_platform")

summary = figures.member_summary(platform)
cols = st.columns(3)
cols[0].metric(name("members"), count(summary["members"]))
cols[1].metric("次月留存率 month-1 retention", percent(summary["month_1_retention"]))
cols[2].metric("待召回会员 members to recall", count(summary["members_to_recall"]))

st.subheader("同期群留存 Cohort retention")
cohorts = figures.cohort_retention(platform)
heatmap = (
    alt.Chart(cohorts)
    .mark_rect()
    .encode(
        x=alt.X("months_since_first:O", title=name("months_since_first")),
        y=alt.Y("cohort_month:O", title=name("cohort_month"), timeUnit="yearmonth"),
        color=alt.Color("retention_rate:Q", title=name("retention_rate"), scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(format="%")),
        tooltip=[alt.Tooltip("yearmonth(cohort_month):T", title="cohort"), "months_since_first:O",
                 "cohort_size:Q", alt.Tooltip("retention_rate:Q", format=".1%")],
    )
)
st.altair_chart(heatmap, width="stretch")

st.subheader("RFM 分层 RFM segments")
segments = figures.segment_sizes(platform)
bars = (
    alt.Chart(segments.assign(rfm_segment=segments["rfm_segment"].map(value)))
    .mark_bar()
    .encode(
        x=alt.X("members:Q", title=name("members")),
        y=alt.Y("rfm_segment:N", title=name("rfm_segment"), sort="-x", axis=alt.Axis(labelLimit=300)),
        tooltip=["rfm_segment:N", "members:Q"],
    )
)
st.altair_chart(bars, width="stretch")
st.caption("Segments as of the platform's last day with orders (dim_members).")

st.subheader("RFM 分层随时间 RFM segments over time")
history = figures.segment_sizes_over_time(platform)
history["rfm_segment"] = history["rfm_segment"].map(value)
tooltip = [
    alt.Tooltip("as_of_date:T", title=name("as_of_date")),
    alt.Tooltip("rfm_segment:N", title=name("rfm_segment")),
    alt.Tooltip("members:Q", title=name("members"), format=",d"),
    alt.Tooltip("member_share:Q", title=name("member_share"), format=".1%"),
]
stacked = alt.Chart(history).mark_bar().encode(
    x=alt.X("as_of_date:O", title=name("as_of_date"), timeUnit="yearmonthdate"),
    y=alt.Y("members:Q", title=name("members"), stack="zero"),
    color=alt.Color("rfm_segment:N", title=name("rfm_segment"), legend=alt.Legend(labelLimit=300)),
    tooltip=tooltip,
)
st.altair_chart(stacked, width="stretch")
st.caption("Members scored as of each month end and the last day with orders, with the same RFM definition as "
           "above (fct_member_rfm_monthly); each bar is a state on that day, bars do not add up over time.")

st.subheader("待召回会员 Members to recall")
st.caption("High-value members with no valid order for longer than the silence threshold, most valuable first. "
           "Member keys are hashed where the export marks them personal.")
recall = figures.recall_list(platform)
st.download_button(
    "下载 CSV download",
    recall.to_csv(index=False).encode("utf-8-sig"),
    file_name=f"members_to_recall_{platform}.csv",
    mime="text/csv",
    key="recall_csv",
)
shown = recall.assign(platform=recall["platform"].map(value), rfm_segment=recall["rfm_segment"].map(value),
                      first_channel=recall["first_channel"].map(value))
st.dataframe(shown.rename(columns=name), hide_index=True, width="stretch")
