"""storeops dashboard: `make dashboard` (streamlit run dashboard/app.py) on the published warehouse.

Each page reads the marts through figures.py, which opens the file read-only for one query at a time.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

import figures

st.set_page_config(page_title="storeops", layout="wide")

PAGES = [
    st.Page("views/funnel.py", title="漏斗 Funnel", default=True),
    st.Page("views/channel_roi.py", title="渠道投产 Channel ROI", url_path="channel_roi"),
    st.Page("views/members.py", title="会员 Members", url_path="members"),
    st.Page("views/campaigns.py", title="大促 Campaigns", url_path="campaigns"),
    st.Page("views/experiments.py", title="实验 Experiments", url_path="experiments"),
    st.Page("views/fulfilment.py", title="发货 Fulfilment", url_path="fulfilment"),
    st.Page("views/stock.py", title="库存 Stock", url_path="stock"),
    st.Page("views/data_health.py", title="数据健康 Data health", url_path="data_health"),
]

page = st.navigation(PAGES)
# which file the figures come from, and when it was published (a build replaces it; the next click reads it)
warehouse = figures.warehouse_path()
if warehouse.exists():
    published = datetime.fromtimestamp(warehouse.stat().st_mtime)
    shown = warehouse.relative_to(figures.PROJECT_DIR) if warehouse.is_relative_to(figures.PROJECT_DIR) else warehouse
    st.sidebar.caption(f"数据 data: `{shown}`  \n发布于 published {published:%Y-%m-%d %H:%M}")
page.run()
