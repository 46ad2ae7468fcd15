"""storeops dashboard: `make dashboard` (streamlit run dashboard/app.py) on the published warehouse.

Each page reads the marts through figures.py, which opens the file read-only for one query at a time.
"""

from __future__ import annotations

import streamlit as st

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

st.navigation(PAGES).run()
