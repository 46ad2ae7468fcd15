"""Funnel: each channel's steps in a chosen week or month, the biggest drop-off marked, and the trend."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import figures
from labels import count, money, name, percent, value

# the funnel's steps in the order a visitor takes them (Alibaba.com: exposure → click, visitor → inquiry)
STEP_ORDER = ["exposures", "clicks", "visitor_days", "product_viewer_days", "cart_adder_days",
              "ordering_buyer_days", "paying_buyer_days", "inquiries"]

st.title("漏斗 Funnel")

left, middle, right = st.columns(3)
platform = left.selectbox(name("platform"), figures.funnel_platforms(), format_func=value, key="funnel_platform")
grain = middle.selectbox(name("period_grain"), ["week", "month"], format_func=value, key="funnel_grain")
periods, newest_complete = figures.funnel_periods(grain, platform)
period_start = right.selectbox(name("period_start"), periods, index=newest_complete,
                               format_func=lambda d: f"{d:%Y-%m-%d}", key=f"funnel_period_{grain}_{platform}")

summary = figures.funnel_summary(grain, period_start, platform)
cols = st.columns(4)
cols[0].metric(name("visitors"), count(summary["visitors"]))
cols[1].metric(name("paying_buyers"), count(summary["paying_buyers"]))
cols[2].metric(name("payment_conversion_rate"), percent(summary["payment_conversion_rate"]))
cols[3].metric(name("gmv"), money(summary["gmv"]))
st.caption("Counts over a period are sums of the daily figures the platforms export (每日数据之和); "
           "rates are ratios of those sums.")

steps = figures.funnel_steps(grain, period_start, platform)
st.subheader("各渠道环节 Steps per channel")
if steps.empty:
    st.info("No funnel steps for this platform and period.")
else:
    # layout only: each step's count once per channel (a step is the end of one pair and the start of the next)
    counts = pd.concat([
        steps[["channel", "from_step", "from_count"]].set_axis(["channel", "step", "n"], axis=1),
        steps[["channel", "to_step", "to_count"]].set_axis(["channel", "step", "n"], axis=1),
    ]).drop_duplicates(["channel", "step"]).pivot(index="channel", columns="step", values="n")
    counts = counts[[s for s in STEP_ORDER if s in counts.columns]].map(count)
    biggest = steps[steps["is_biggest_drop_off"]].set_index("channel")
    counts["is_biggest_drop_off"] = (biggest["from_step"].map(name) + " → " + biggest["to_step"].map(name)
                                     + ": " + biggest["drop_off_share"].map(percent) + " lost")
    counts.index = counts.index.map(value)
    counts.columns.name = None
    st.table(counts.rename(columns=name).rename_axis(name("channel")))
    with st.expander("每一环节 Every step, the share that continued and the share lost"):
        st.caption("◀ 最大流失 marks each channel's step with the biggest drop-off (the largest share lost).")
        shown = steps.assign(
            channel=steps["channel"].map(value),
            step=steps["from_step"].map(name) + " → " + steps["to_step"].map(name),
            from_count=steps["from_count"].map(count),
            to_count=steps["to_count"].map(count),
            continued_share=steps["continued_share"].map(percent),
            drop_off_share=steps["drop_off_share"].map(percent),
            is_biggest_drop_off=steps["is_biggest_drop_off"].map({True: "◀ 最大流失", False: ""}),
        )[["channel", "step", "from_count", "to_count", "continued_share", "drop_off_share", "is_biggest_drop_off"]]
        st.table(shown.rename(columns=name).set_index(name("channel")))

st.subheader("趋势 Trend")
trend = figures.funnel_trend(grain, platform)
metric = "payment_conversion_rate" if trend["payment_conversion_rate"].notna().any() else "visitor_days"
chart = (
    alt.Chart(trend.assign(channel=trend["channel"].map(value)).dropna(subset=[metric]))
    .mark_line(point=True)
    .encode(
        x=alt.X("period_start:T", title=name("period_start")),
        y=alt.Y(f"{metric}:Q", title=name(metric), axis=alt.Axis(format="%" if metric.endswith("rate") else ",")),
        color=alt.Color("channel:N", title=name("channel")),
        tooltip=["period_start:T", "channel:N", alt.Tooltip(f"{metric}:Q", format=".4f")],
    )
)
st.altair_chart(chart, width="stretch")
