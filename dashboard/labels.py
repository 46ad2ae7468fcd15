"""Every name the dashboard shows: Chinese where operators expect it, beside the English one.

One mapping for columns, metrics and values (channels, platforms, attribution models, funnel steps), so a
page never spells a label of its own.
"""

from __future__ import annotations

# column and metric names: key -> (中文, English)
NAMES: dict[str, tuple[str, str]] = {
    # dimensions
    "platform": ("平台", "platform"),
    "store_id": ("店铺", "store"),
    "channel": ("渠道", "channel"),
    "attribution_model": ("归因模型", "attribution model"),
    "period_grain": ("周期", "period"),
    "period_start": ("周期开始", "period start"),
    "step": ("环节", "step"),
    "from_count": ("上一环节", "from"),
    "to_count": ("下一环节", "to"),
    "continued_share": ("转化率", "continued"),
    "drop_off_share": ("流失率", "drop-off"),
    "is_biggest_drop_off": ("最大流失", "biggest drop-off"),
    "cohort_month": ("首购月份", "cohort month"),
    "months_since_first": ("首购后月数", "months since first order"),
    "cohort_size": ("同期人数", "cohort size"),
    "retention_rate": ("留存率", "retention"),
    "rfm_segment": ("RFM 分层", "RFM segment"),
    "members": ("会员数", "members"),
    "member_key": ("会员", "member"),
    "rfm_cell": ("RFM 得分", "RFM cell"),
    "member_share": ("会员占比", "share of members"),
    "orders": ("订单数", "orders"),
    "net_revenue": ("净收入", "net revenue"),
    "monthly_spend": ("月均消费", "monthly spend"),
    "last_order_date": ("最近下单日", "last order"),
    "days_since_last_order": ("未购天数", "days since last order"),
    "first_channel": ("首单渠道", "first channel"),
    "member_level": ("会员等级", "member level"),
    "report": ("报表", "report"),
    "file_path": ("文件", "file"),
    "files": ("文件数", "files"),
    "modified_at": ("导出时间", "exported"),
    "landed_at": ("入库时间", "landed"),
    "rows": ("行数", "rows"),
    "reason_code": ("原因代码", "reason code"),
    "quarantined_rows": ("隔离行数", "rows quarantined"),
    "check_name": ("检查", "check"),
    "severity": ("级别", "severity"),
    "subject": ("对象", "subject"),
    "affected_rows": ("影响行数", "affected rows"),
    "affected_share": ("影响占比", "affected share"),
    "message": ("说明", "message"),
    "expectation_type": ("校验规则", "expectation"),
    "column_names": ("字段", "column"),
    "unexpected_count": ("不合格行数", "failing rows"),
    "unexpected_share": ("不合格占比", "failing share"),
    "outcome": ("处理结果", "outcome"),
    # funnel steps (period sums of daily values where the platform reports only daily figures)
    "exposures": ("曝光量", "exposures"),
    "clicks": ("点击量", "clicks"),
    "visitors": ("访客数", "visitors"),
    "visitor_days": ("访客数", "visitors"),
    "product_viewer_days": ("商品访客数", "product viewers"),
    "cart_adder_days": ("加购人数", "cart adders"),
    "ordering_buyer_days": ("下单买家数", "ordering buyers"),
    "paying_buyer_days": ("支付买家数", "paying buyers"),
    "paying_buyers": ("支付买家数", "paying buyers"),
    "inquiries": ("询盘数", "inquiries"),
    "payment_conversion_rate": ("支付转化率", "payment conversion"),
    "gmv": ("支付金额", "GMV"),
    # channel ROI
    "spend": ("花费", "spend"),
    "platform_attributed_revenue": ("平台归因成交额", "platform-claimed revenue"),
    "platform_roas": ("平台投入产出比", "platform ROAS"),
    "warehouse_attributed_revenue": ("数仓归因成交额", "warehouse-attributed revenue"),
    "warehouse_attributed_orders": ("数仓归因订单", "warehouse-attributed orders"),
    "roas": ("投入产出比", "ROAS"),
    "cpa": ("单次转化成本", "CPA"),
    "cac": ("获客成本", "CAC"),
    # campaigns
    "campaign": ("活动", "campaign"),
    "period": ("阶段", "period"),
    "first_date": ("开始日", "first day"),
    "last_date": ("结束日", "last day"),
    "day_count": ("天数", "days"),
    "baseline_gmv": ("基线支付金额", "baseline GMV"),
    "uplift_gmv": ("增量支付金额", "GMV uplift"),
    "uplift_gmv_pct": ("增幅", "uplift %"),
    "new_customer_share_over_days": ("新客占比", "new-customer share"),
    "refund_rate": ("退款率", "refund rate"),
    "campaign_cost": ("活动成本", "campaign cost"),
    "incremental_roi": ("增量投产比", "incremental ROI"),
    # experiments
    "experiment": ("实验", "experiment"),
    "variant": ("版本", "variant"),
    "is_control": ("对照组", "control"),
    "primary_metric": ("主要指标", "primary metric"),
    "units": ("样本数", "units"),
    "converters": ("转化数", "converters"),
    "conversion_rate": ("转化率", "conversion"),
    "revenue_per_unit": ("人均收入", "revenue per unit"),
    "conversion_relative_uplift": ("转化率相对提升", "conversion uplift %"),
    "revenue_per_unit_relative_uplift": ("人均收入相对提升", "revenue per unit uplift %"),
    "p_value": ("p 值", "p-value"),
    "ci_low": ("置信区间下限", "95% CI low"),
    "ci_high": ("置信区间上限", "95% CI high"),
    "units_needed": ("所需样本数", "units needed"),
    "srm_p_value": ("样本比例 p 值", "SRM p-value"),
    "verdict": ("结论", "verdict"),
    # fulfilment
    "month": ("月份", "month"),
    "carrier": ("快递公司", "carrier"),
    "due_orders": ("应发货订单", "orders due"),
    "late_orders": ("延迟订单", "late orders"),
    "late_shipment_rate": ("延迟发货率", "late-shipment rate"),
    # stock
    "sku_id": ("商品编码", "SKU"),
    "as_of_date": ("快照日", "as of"),
    "sellable": ("可售库存", "sellable"),
    "in_transit": ("在途库存", "in transit"),
    "avg_daily_demand": ("日均需求", "daily demand"),
    "lead_time_days": ("采购周期天数", "lead time (days)"),
    "reorder_point": ("补货点", "reorder point"),
    "safety_stock": ("安全库存", "safety stock"),
    "reorder_now": ("需补货", "reorder now"),
    "stockouts": ("缺货次数", "stock-outs"),
    "ongoing_stockouts": ("缺货中", "ongoing stock-outs"),
    "lost_gmv": ("缺货损失金额", "estimated lost GMV"),
}

# values shown in selectboxes and tables
VALUES: dict[str, tuple[str, str]] = {
    "tmall": ("天猫", "Tmall"),
    "site": ("自营商城", "own shop"),
    "alibaba_com": ("阿里巴巴国际站", "Alibaba.com"),
    "made_in_china": ("中国制造网", "Made-in-China.com"),
    "generic": ("其他平台", "generic"),
    "natural_search": ("自然搜索", "natural search"),
    "paid_search": ("付费推广", "paid search"),
    "livestream": ("直播", "livestream"),
    "social_seeding": ("内容种草", "social seeding"),
    "private_community": ("私域社群", "private community"),
    "member_crm": ("会员营销", "member CRM"),
    "recommendation": ("推荐", "recommendation"),
    "direct": ("直接访问", "direct"),
    "other": ("其他", "other"),
    "last_click": ("末次点击", "last click"),
    "first_click": ("首次点击", "first click"),
    "linear": ("线性", "linear"),
    "time_decay": ("时间衰减", "time decay"),
    "position_based": ("位置加权", "position based"),
    "week": ("周", "week"),
    "warm_up": ("预热期", "warm-up"),
    "pull_forward": ("活动前一周", "pull-forward"),
    "main": ("正式期", "main"),
    "burst": ("爆发期", "burst"),
    "long_tail": ("返场期", "long tail"),
    "hangover": ("活动后一周", "hangover"),
    "whole_campaign": ("整个活动", "whole campaign"),
    "net_effect": ("净效果", "net effect"),
    "month": ("月", "month"),
    # RFM segments (seed rfm_segments): the segment names as dim_members holds them
    "Champions": ("重要价值客户", "Champions"),
    "Loyal": ("忠诚客户", "Loyal"),
    "Potential Loyalist": ("潜力客户", "Potential Loyalist"),
    "New": ("新客户", "New"),
    "Promising": ("有望发展客户", "Promising"),
    "Need Attention": ("需关注客户", "Need Attention"),
    "About to Sleep": ("即将沉睡客户", "About to Sleep"),
    "At Risk": ("流失风险客户", "At Risk"),
    "Can't Lose": ("重要挽留客户", "Can't Lose"),
    "Hibernating": ("沉睡客户", "Hibernating"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    # what a build did about a failing validation (fct_validation_results.outcome)
    "blocked": ("已拦截", "blocked"),
    "quarantined": ("已隔离", "quarantined"),
    "superseded": ("已覆盖", "superseded"),
}


def name(key: str) -> str:
    """A column or metric as '中文 English', e.g. '渠道 channel'; an unmapped key as it is."""
    chinese, english = NAMES.get(key, ("", key))
    return f"{chinese} {english}".strip()


def value(key: object) -> str:
    """A dimension value as '中文 English', e.g. '天猫 Tmall'; an unmapped value as it is."""
    if not isinstance(key, str) or key not in VALUES:
        return "" if key is None else str(key)
    chinese, english = VALUES[key]
    return f"{chinese} {english}"


def percent(x: float | None) -> str:
    """A share as shown: 0.0321 -> '3.21%'; missing -> '–'."""
    return "–" if x is None or x != x else f"{x:.2%}"


def count(x: float | None) -> str:
    """A count as shown: 12345 -> '12,345'."""
    return "–" if x is None or x != x else f"{x:,.0f}"


def money(x: float | None) -> str:
    """An amount in CNY as shown: 1234.5 -> '¥1,234.50'."""
    return "–" if x is None or x != x else f"¥{x:,.2f}"


def ratio(x: float | None) -> str:
    """A ratio such as ROAS as shown: 8.123 -> '8.12'."""
    return "–" if x is None or x != x else f"{x:,.2f}"
