"""Stock: SKUs to reorder now, and the stock-outs with their estimated lost sales."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import count, money, name, value

st.title("库存 Stock")

summary = figures.stock_summary()
cols = st.columns(4)
cols[0].metric(name("reorder_now"), count(summary["reorder_now"]))
cols[1].metric(name("stockouts"), count(summary["stockouts"]))
cols[2].metric(name("ongoing_stockouts"), count(summary["ongoing_stockouts"]))
cols[3].metric(name("lost_gmv"), money(summary["lost_gmv"]))

st.subheader("缺货 Stock-outs by month")
by_month = figures.stockouts_by_month()
chart = (
    alt.Chart(by_month.assign(platform=by_month["platform"].map(value)), height=280)
    .mark_bar()
    .encode(
        x=alt.X("yearmonth(month):O", title=name("month")),
        y=alt.Y("lost_gmv:Q", title=name("lost_gmv"), axis=alt.Axis(format=",.0f")),
        color=alt.Color("platform:N", title=name("platform")),
        tooltip=["yearmonth(month):O", "platform:N", "stockouts:Q", alt.Tooltip("lost_gmv:Q", format=",.2f")],
    )
)
st.altair_chart(chart, width="stretch")

st.subheader("需补货 SKUs to reorder now")
st.caption("Sellable plus in-transit stock at or below the reorder point (demand during the lead time plus "
           "safety stock) as of the last snapshot (dim_sku_replenishment).")
reorder = figures.skus_to_reorder()
st.dataframe(reorder.assign(platform=reorder["platform"].map(value)).rename(columns=name), hide_index=True,
             width="stretch")
