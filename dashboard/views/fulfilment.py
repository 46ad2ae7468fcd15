"""Fulfilment: orders due to ship in a month, the late ones per carrier, and the late-shipment rate by month."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import count, name, percent, value

st.title("发货 Fulfilment")

months, settled = figures.fulfilment_months()
month = st.selectbox(name("month"), months, index=settled, format_func=lambda d: f"{d:%Y-%m}",
                     key="fulfilment_month")
summary = figures.fulfilment_summary(month)
cols = st.columns(3)
cols[0].metric(name("due_orders"), count(summary["due_orders"]))
cols[1].metric(name("late_orders"), count(summary["late_orders"]))
cols[2].metric(name("late_shipment_rate"), percent(summary["late_shipment_rate"]))
st.caption("Orders count on the day their shipping promise falls due. Late = shipped late or still unshipped "
           "past the promise; the rate divides the month's summed counts. The month shown first is the newest with "
           "fewer than 1 % of its orders still awaiting shipment.")

trend = figures.fulfilment_trend()
chart = (
    alt.Chart(trend.assign(platform=trend["platform"].map(value)), height=300)
    .mark_line(point=True)
    .encode(
        x=alt.X("month:T", title=name("month")),
        y=alt.Y("late_shipment_rate:Q", title=name("late_shipment_rate"), axis=alt.Axis(format="%")),
        color=alt.Color("platform:N", title=name("platform")),
        tooltip=["month:T", "platform:N", alt.Tooltip("late_shipment_rate:Q", format=".2%")],
    )
)
st.altair_chart(chart, width="stretch")

by_carrier = figures.fulfilment_by_carrier(month)
shown = by_carrier.assign(platform=by_carrier["platform"].map(value),
                          late_shipment_rate=by_carrier["late_shipment_rate"].map(percent))
st.dataframe(shown.rename(columns=name), hide_index=True, width="stretch")
