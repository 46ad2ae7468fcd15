"""Channel ROI: spend against return per channel under one attribution model, platform claims beside the
warehouse's own attribution. Every query filters one model: the mart repeats spend on each model's rows."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import money, name, ratio, value

st.title("渠道投产 Channel ROI")

models, default_model = figures.attribution_models()
left, right = st.columns(2)
model = left.selectbox(name("attribution_model"), models, index=models.index(default_model), format_func=value,
                       key="roi_model")
month = right.selectbox("月份 month", figures.roi_months(), format_func=lambda d: f"{d:%Y-%m}", key="roi_month")

summary = figures.roi_summary(model, month)
cols = st.columns(4)
cols[0].metric(name("spend"), money(summary["spend"]))
cols[1].metric(name("platform_attributed_revenue"), money(summary["platform_attributed_revenue"]))
cols[2].metric(name("warehouse_attributed_revenue"), money(summary["warehouse_attributed_revenue"]))
cols[3].metric("自营商城投入产出比 own-shop ROAS", ratio(summary["roas"]))
st.caption("Platform-claimed revenue is each platform's own figure and window (they overlap); warehouse-attributed "
           "revenue is the own shop's orders credited by the chosen model. ROAS = revenue / spend, summed first.")

by_channel = figures.roi_by_channel(model, month)
platforms = list(dict.fromkeys(by_channel["platform"]))
platform = st.selectbox(name("platform"), platforms, format_func=value, key="roi_platform")
one = by_channel[by_channel["platform"] == platform]
long = one.melt(
    id_vars=["channel"],
    value_vars=["spend", "platform_attributed_revenue", "warehouse_attributed_revenue"],
    var_name="measure", value_name="amount",
).dropna(subset=["amount"])
long = long.assign(channel=long["channel"].map(value), measure=long["measure"].map(name))
chart = (
    alt.Chart(long, height=360)
    .mark_bar()
    .encode(
        x=alt.X("channel:N", title=name("channel"), sort=None, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        xOffset="measure:N",
        y=alt.Y("amount:Q", title="¥", axis=alt.Axis(format=",.0f")),
        color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="top", labelLimit=300)),
        tooltip=["channel:N", "measure:N", alt.Tooltip("amount:Q", format=",.2f")],
    )
)
st.altair_chart(chart, width="stretch")

st.subheader("各渠道 Per channel, every platform")
shown = by_channel.assign(platform=by_channel["platform"].map(value), channel=by_channel["channel"].map(value))
st.dataframe(
    shown.rename(columns=name),
    hide_index=True,
    width="stretch",
    column_config={name(c): st.column_config.NumberColumn(format="%.2f")
                   for c in ["spend", "platform_attributed_revenue", "platform_roas",
                             "warehouse_attributed_revenue", "roas", "cpa", "cac"]},
)
