"""Experiments: each variant against the control, with the test's p-value, interval and verdict."""

from __future__ import annotations

import altair as alt
import streamlit as st

import figures
from labels import count, name, percent

st.title("实验 Experiments")

listed = figures.experiments()
names = dict(zip(listed["experiment_id"], listed["experiment_name"]))
experiment = st.selectbox(name("experiment"), list(names), key="experiment",
                          format_func=lambda e: f"{e} · {names[e]}")
variants = figures.experiment_variants(experiment)
treated = variants[~variants["is_control"]]

cols = st.columns(4)
cols[0].metric(name("units"), count(variants["experiment_units"].iloc[0]))
if len(treated) == 1:
    row = treated.iloc[0]
    cols[1].metric(name("conversion_relative_uplift"), percent(row["conversion_relative_uplift"]))
    p = row["p_value"]
    cols[2].metric(name("p_value"), "–" if p != p else ("< 0.0001" if p < 0.0001 else f"{p:.4f}"))
    cols[3].metric(name("verdict"), row["verdict"] or "–")
st.caption(f"Primary metric: {variants['primary_metric'].iloc[0]}. The tests, intervals and verdict are the "
           "mart's (fct_experiment_results; README \"Experiments\").")

bars = (
    alt.Chart(variants, height=240)
    .mark_bar()
    .encode(
        x=alt.X("variant:N", title=name("variant"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("conversion_rate:Q", title=name("conversion_rate"), axis=alt.Axis(format="%")),
        color=alt.Color("is_control:N", title=name("is_control")),
        tooltip=["variant:N", "units:Q", "converters:Q", alt.Tooltip("conversion_rate:Q", format=".2%")],
    )
)
st.altair_chart(bars, width="stretch")
st.dataframe(variants.drop(columns=["primary_metric", "experiment_units"]).rename(columns=name), hide_index=True, width="stretch")
