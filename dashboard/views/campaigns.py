"""Campaigns: a festival or theme week on one platform, period by period, against its same-weekday baseline."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import money, name, percent, ratio, value

st.title("大促 Campaigns")

options = figures.campaigns()
choices = list(options.itertuples(index=False))
chosen = st.selectbox(name("campaign"), range(len(choices)), key="campaign",
                      format_func=lambda i: f"{choices[i].campaign_name} · {value(choices[i].platform)}")
campaign = choices[chosen]
periods = figures.campaign_periods(campaign.campaign_id, campaign.platform)
by_period = periods.set_index("period")

cols = st.columns(3)
for col, period in zip(cols[:2], ["whole_campaign", "net_effect"]):
    col.metric(f"{value(period)} {name('uplift_gmv')}",
               money(by_period.at[period, "uplift_gmv"]) if period in by_period.index else "–")
cols[2].metric(name("incremental_roi"), ratio(by_period.at["whole_campaign", "incremental_roi"])
               if "whole_campaign" in by_period.index else "–")
st.caption("Baseline = the same weekdays outside campaigns; net effect = pull-forward week + campaign + hangover "
           "week, so the dip before and after counts against the campaign.")

long = periods.melt(id_vars=["period"], value_vars=["gmv", "baseline_gmv"], var_name="measure", value_name="amount")
long = long.assign(period=long["period"].map(value), measure=long["measure"].map(name))
chart = (
    alt.Chart(long, height=320)
    .mark_bar()
    .encode(
        x=alt.X("period:N", title=name("period"), sort=None, axis=alt.Axis(labelAngle=0, labelLimit=160)),
        xOffset="measure:N",
        y=alt.Y("amount:Q", title="¥", axis=alt.Axis(format=",.0f")),
        color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="top")),
        tooltip=["period:N", "measure:N", alt.Tooltip("amount:Q", format=",.2f")],
    )
)
st.altair_chart(chart, width="stretch")

shown = periods.assign(
    period=periods["period"].map(value),
    uplift_gmv_pct=periods["uplift_gmv_pct"].map(percent),
    new_customer_share_over_days=periods["new_customer_share_over_days"].map(percent),
    refund_rate=periods["refund_rate"].map(percent),
)
st.dataframe(shown.rename(columns=name), hide_index=True, width="stretch",
             column_config={name(c): st.column_config.DateColumn(format="YYYY-MM-DD")
                            for c in ("first_date", "last_date")})
