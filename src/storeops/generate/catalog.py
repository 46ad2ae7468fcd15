"""Every constant of the demo world in one place.

Products, traffic sources, the promotion calendar, geography, name parts and
the platform file layouts. The generator modules only combine these with
random draws; the dbt seeds (`seeds/channel_map.csv`,
`seeds/campaign_calendar.csv`, `seeds/manual_costs.csv`) describe the same
world and `pytests/test_generate.py` checks that they agree.
"""

from __future__ import annotations

from dataclasses import dataclass

# --------------------------------------------------------------------------- #
# calendar                                                                    #
# --------------------------------------------------------------------------- #

MonthDay = tuple[int, int]

PHASES: tuple[str, ...] = ("none", "warm_up", "burst", "long_tail", "after_dip")
"""Phase codes used by the calendar (index = code). `after_dip` is the week of
lower demand after a festival; it is a generator effect, not a seed phase."""


@dataclass(frozen=True)
class Festival:
    """A yearly shopping festival with its phases as month-day ranges (inclusive)."""

    key: str
    name: str
    warm_up: tuple[MonthDay, MonthDay]
    burst: tuple[MonthDay, MonthDay]
    long_tail: tuple[MonthDay, MonthDay]
    after_dip: tuple[MonthDay, MonthDay]
    coupon: str

    def ranges(self) -> dict[str, tuple[MonthDay, MonthDay]]:
        """Phase name → (first, last) month-day, in phase order."""
        return {
            "warm_up": self.warm_up,
            "burst": self.burst,
            "long_tail": self.long_tail,
            "after_dip": self.after_dip,
        }


FESTIVALS: tuple[Festival, ...] = (
    Festival(
        key="618",
        name="618 Mid-Year Shopping Festival",
        warm_up=((6, 1), (6, 15)),
        burst=((6, 16), (6, 18)),
        long_tail=((6, 19), (6, 20)),
        after_dip=((6, 21), (6, 27)),
        coupon="618-MANJIAN",
    ),
    Festival(
        key="double11",
        name="Double 11 Singles Day",
        warm_up=((10, 20), (11, 10)),
        burst=((11, 11), (11, 11)),
        long_tail=((11, 12), (11, 15)),
        after_dip=((11, 16), (11, 22)),
        coupon="D11-MANJIAN",
    ),
)

SEED_PHASES: tuple[str, ...] = ("warm_up", "burst", "long_tail")
"""Phases written to `seeds/campaign_calendar.csv`."""

MEMBER_DAY_WEEKDAY = 2
"""The demo's weekly member day: Wednesday (Monday = 0), the weekday of the rule row the operator's calendar
writes (generate/manual.py). The shop runs it from the first Wednesday of the window's second half
(`calendar.member_day_rule`); Wednesdays before that are ordinary days."""
MEMBER_DAY_NAME = "wednesday"
MEMBER_DAY_COUPON = "MEMBERDAY-10"

MEMBER_DAY_SHARE_BEFORE = 0.60
MEMBER_DAY_SHARE_AFTER = 0.85
"""The member day's stated effect (issue 14: "from 60 % to 85 % of the daily average"), as
`fct_member_day_effect` measures it: before the rule starts, a Wednesday sells 60 % of the average day
(`weekday_share_before_rule`); after, a member day sells 85 % of its month's average day
(`member_day_share_of_daily_avg`, in months without a festival or theme week day). The Wednesday trough of
`WEEKDAY_TRAFFIC` gives the first, `MEMBER_DAY_GMV_LIFT` the second. pytests/test_campaigns.py checks that the
marts find both on the demo."""
MEMBER_DAY_GMV_LIFT = (
    MEMBER_DAY_SHARE_AFTER * (7 - MEMBER_DAY_SHARE_BEFORE) / (MEMBER_DAY_SHARE_BEFORE * (7 - MEMBER_DAY_SHARE_AFTER))
)
"""A member day's GMV over an ordinary Wednesday's (about 1.47): a Wednesday at share b of a week whose mean day
is 1 becomes share a when it sells L times more and so lifts the week's mean to 1 + b (L - 1) / 7; solving
b L = a (1 + b (L - 1) / 7) for L. Each platform's member-day mechanics (CRM traffic, coupons, conversion)
multiply to this lift: `TMALL_MEMBER_DAY_TRAFFIC`, `SITE_MEMBER_DAY_TRAFFIC` close the gap, the generic shop
takes it as its order count."""

WEEKDAY_TRAFFIC: tuple[float, ...] = (1.00, 0.97, 0.60, 0.95, 1.03, 1.12, 1.15)
"""Traffic by weekday, Monday first: the deep Wednesday trough (`MEMBER_DAY_SHARE_BEFORE`) and a weekend
peak. The Wednesday factor is calibrated on the demo window, whose before-rule days include 618."""
WEEKDAY_TRAFFIC_B2B: tuple[float, ...] = (1.05, 1.08, 1.02, 1.04, 0.98, 0.66, 0.60)
"""Alibaba.com buyers are businesses: weekdays high, weekends low."""

PHASE_TRAFFIC: dict[str, float] = {"none": 1.0, "warm_up": 1.35, "burst": 2.5, "long_tail": 1.5, "after_dip": 0.82}
PHASE_CONVERSION: dict[str, float] = {"none": 1.0, "warm_up": 0.72, "burst": 2.0, "long_tail": 1.2, "after_dip": 0.85}
"""Warm-up converts worse (buyers add to cart and wait: pull-forward into the burst)."""
PHASE_CART: dict[str, float] = {"none": 1.0, "warm_up": 2.2, "burst": 1.2, "long_tail": 1.1, "after_dip": 0.9}
PHASE_DISCOUNT: dict[str, float] = {"none": 1.0, "warm_up": 1.0, "burst": 0.8, "long_tail": 0.88, "after_dip": 1.0}
MEMBER_DAY_CONVERSION = 1.15
MEMBER_DAY_DISCOUNT = 0.92
MEMBER_DAY_COUPON_USE = 0.6
"""Share of member-day orders that use the member coupon."""

THEME_WEEK_DAYS = 7
THEME_WEEK_GMV_UPLIFT = 1.5
THEME_WEEK_NEW_CUSTOMER_SHARE = 0.40
"""The Tmall theme week's stated effect (issue 14: "grew GMV 150 % over ordinary days, with new customers at
40 %"): GMV 1 + 1.5 times the same days' baseline (DECISIONLOG B1: the same weekday of the 4 nearest clean
weeks), new customers 40 % of its paying buyers, as `fct_campaign_performance` measures them on the theme
week's `whole_campaign` row. The week starts on the first Monday of August (`calendar.theme_week_start`).
pytests/test_campaigns.py checks that the marts find both on the demo."""
THEME_WEEK_BASELINE_DRIFT = 1.05
"""The theme week's baseline is the same weekday of July weeks (DECISIONLOG B1), and an August day sells a few
per cent more than a July one (August's product mix is pricier: summer items fade, winter items start). Calibrated
on the demo window, seeds 7-12: +7 % on average with the theme week switched off (+2 % to +15 %: noise of 7 days
against 28); 5 % puts the seeds' mean theme-week uplift at the stated 150 %."""
THEME_WEEK_TRAFFIC = 1.6
THEME_WEEK_CONVERSION = (1 + THEME_WEEK_GMV_UPLIFT) / THEME_WEEK_BASELINE_DRIFT / THEME_WEEK_TRAFFIC
"""Theme-week visitors and conversion on Tmall, every source: together (1 + THEME_WEEK_GMV_UPLIFT) /
THEME_WEEK_BASELINE_DRIFT times the GMV, so that the week sells 1 + THEME_WEEK_GMV_UPLIFT times its baseline."""


@dataclass(frozen=True)
class SeedingPeriod:
    """A Xiaohongshu KOL seeding campaign (month-day range, inclusive)."""

    key: str
    first: MonthDay
    last: MonthDay


SEEDING_PERIODS: tuple[SeedingPeriod, ...] = (
    SeedingPeriod("xhs_spring_new", (3, 1), (3, 21)),
    SeedingPeriod("xhs_618", (5, 15), (6, 15)),
    SeedingPeriod("xhs_double11", (10, 1), (11, 10)),
)

B2B_FAIR_MONTHS: dict[int, float] = {3: 1.3, 9: 1.35}
"""Alibaba.com's March and September trade festivals lift exposure."""

SEASONS: dict[str, tuple[float, ...]] = {
    "all": (1.0,) * 12,
    "winter": (1.6, 1.3, 0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.0, 1.6, 1.9),
    "summer": (0.3, 0.4, 0.7, 1.0, 1.5, 1.9, 1.9, 1.6, 0.9, 0.5, 0.3, 0.3),
}
"""Demand by calendar month (January first) per product season."""

HOUR_WEIGHTS: tuple[float, ...] = (
    2.0, 1.0, 0.5, 0.3, 0.2, 0.3, 0.8, 1.8, 3.0, 4.0, 4.6, 4.5,
    4.0, 4.2, 4.5, 4.6, 4.4, 4.0, 4.2, 5.0, 6.0, 6.8, 6.5, 4.2,
)  # fmt: skip
"""Orders and sessions by hour of the (China) day: the 21:00 peak."""
BURST_HOUR_WEIGHTS: tuple[float, ...] = (
    22.0, 9.0, 3.0, 1.0, 0.5, 0.5, 1.0, 2.0, 3.0, 4.0, 4.5, 4.5,
    4.0, 4.0, 4.2, 4.2, 4.0, 4.0, 4.5, 6.0, 8.0, 10.0, 10.0, 8.0,
)  # fmt: skip
"""Festival burst days: the midnight rush when the sale opens."""

# --------------------------------------------------------------------------- #
# Tmall / Taobao shop                                                         #
# --------------------------------------------------------------------------- #

TMALL_STORE_ID = "68815201"
TMALL_STORE_NAME = "织里生活旗舰店"


@dataclass(frozen=True)
class TmallProduct:
    """A listing in the Tmall shop (the own shop sells the same item numbers)."""

    item_number: str
    name: str
    price: float
    weight: float
    season: str
    launch: float
    """< 0: listed that many days before the window starts; 0..1: launched at
    that fraction of the window (no rows before)."""
    ztc_plan: str | None = None


TMALL_PRODUCTS: tuple[TmallProduct, ...] = (
    TmallProduct("TS-2401", "纯棉圆领短袖T恤女 宽松百搭", 59.0, 9.0, "summer", -420, "日常推广-爆款"),
    TmallProduct("TS-2402", "男士速干运动T恤 透气", 79.0, 5.0, "summer", -380),
    TmallProduct("DR-2403", "碎花雪纺连衣裙 收腰显瘦", 199.0, 6.0, "summer", -300, "日常推广-爆款"),
    TmallProduct("SK-2404", "高腰A字半身裙 通勤百搭", 129.0, 3.5, "all", -500),
    TmallProduct("JN-2405", "直筒牛仔裤女 高腰垂感", 159.0, 8.0, "all", -650, "日常推广-爆款"),
    TmallProduct("JN-2406", "男士弹力修身牛仔裤", 169.0, 4.0, "all", -610),
    TmallProduct("HD-2407", "加绒连帽卫衣 情侣款", 139.0, 6.5, "winter", -400, "日常推广-爆款"),
    TmallProduct("SW-2408", "羊毛混纺圆领毛衣", 229.0, 4.0, "winter", -350),
    TmallProduct("DJ-2409", "轻薄白鸭绒羽绒服 短款", 399.0, 5.5, "winter", -700, "日常推广-爆款"),
    TmallProduct("DJ-2410", "加厚长款羽绒服 连帽", 699.0, 3.0, "winter", -720, "测款计划"),
    TmallProduct("CT-2411", "双面羊绒大衣 女 中长款", 899.0, 1.5, "winter", -260),
    TmallProduct("JK-2412", "防风冲锋衣 三合一", 459.0, 2.5, "all", 0.30, "新品推广"),
    TmallProduct("PT-2413", "冰丝阔腿裤 夏季薄款", 89.0, 5.0, "summer", -200),
    TmallProduct("PT-2414", "休闲工装裤 男 宽松", 149.0, 3.0, "all", -330),
    TmallProduct("SH-2415", "白色帆布鞋 小白鞋", 119.0, 4.5, "all", -800, "测款计划"),
    TmallProduct("SH-2416", "透气网面跑步鞋", 259.0, 3.0, "all", -540),
    TmallProduct("BG-2417", "帆布托特包 大容量", 69.0, 4.0, "all", -600),
    TmallProduct("BG-2418", "真皮斜挎包 小方包", 329.0, 2.0, "all", -450),
    TmallProduct("AC-2419", "纯棉中筒袜 5双装", 29.0, 7.0, "all", -900),
    TmallProduct("AC-2420", "针织毛线帽 保暖", 39.0, 3.0, "winter", -480),
    TmallProduct("AC-2421", "羊绒围巾 纯色 百搭", 159.0, 2.5, "winter", -520),
    TmallProduct("AC-2422", "防晒冰袖 UPF50+", 19.0, 4.0, "summer", -260),
    TmallProduct("UW-2423", "无痕运动文胸 女", 99.0, 4.0, "all", -390),
    TmallProduct("UW-2424", "莫代尔平角内裤 3条装", 59.0, 5.0, "all", -560),
    TmallProduct("SL-2425", "纯棉家居服套装 春秋款", 129.0, 3.0, "all", -310),
    TmallProduct("SS-2426", "防晒衣 女 连帽薄款", 109.0, 4.5, "summer", 0.12, "新品推广"),
    TmallProduct("PO-2427", "商务休闲POLO衫 男", 139.0, 3.0, "summer", -280),
    TmallProduct("SH-2428", "增高厚底老爹鞋", 289.0, 3.0, "all", 0.45, "新品推广"),
    TmallProduct("VT-2429", "摇粒绒马甲 保暖", 119.0, 3.0, "winter", 0.70),
    TmallProduct("DR-2430", "针织开衫 长袖 薄款", 169.0, 3.0, "all", 0.82),
)

SKU_COLOURS: tuple[tuple[str, str], ...] = (("BK", "黑色"), ("WH", "白色"), ("GY", "灰色"), ("NV", "藏青"))
"""(merchant-code part, 颜色分类) of every Tmall listing's SKUs; a SKU's merchant code is `<item number>-<colour>-<size>`."""
SKU_SIZES: tuple[str, ...] = ("S", "M", "L", "XL")
"""尺码 of every Tmall listing's SKUs (the generic shop's SKUs are `<product id>-<size>`)."""
ORDER_ITEM_SPLIT_SHARE = 0.3
"""Share of the orders of two or more units that are two lines (two sizes) in the order item exports."""

ZTC_FESTIVAL_PLAN = {"618": "618大促冲刺", "double11": "双11大促冲刺"}
"""During a festival (warm-up to long tail) every promoted unit runs in the festival plan."""
NEW_LAUNCH_BOOST_DAYS = 30
NEW_LAUNCH_BOOST = 1.8

PRODUCT_STATUS_ON_SALE = "当前在线"
PRODUCT_STATUS_OFF_SALE = "已下架"
"""Sycm 商品状态: a stocked-out listing is taken off sale (no cart adds, no orders)."""
PRODUCT_TYPE = "普通商品"


@dataclass(frozen=True)
class TmallSource:
    """A Sycm 流量来源 with its share of visitors and conversion behaviour."""

    label: str
    detail: str
    channel: str
    visitor_share: float
    conversion: float
    cart_factor: float
    festival_boost: float = 1.0
    seeding_boost: float = 1.0
    member_day_boost: float = 1.0
    member_day_only: bool = False


TMALL_DAILY_VISITORS = 4800.0
"""Sum over sources of source visitors on an ordinary day at scale 1 (before weekday and noise)."""

TMALL_SOURCES: tuple[TmallSource, ...] = (
    TmallSource("手淘搜索", "关键词搜索", "natural_search", 0.30, 0.036, 3.0),
    TmallSource("直通车", "直通车-关键词推广", "paid_search", 0.12, 0.030, 3.0, festival_boost=1.3),
    TmallSource("淘宝直播", "店铺自播", "livestream", 0.07, 0.050, 2.5, festival_boost=2.2),
    TmallSource("手淘推荐", "猜你喜欢", "recommendation", 0.24, 0.011, 3.5),
    TmallSource("小红书", "达人种草笔记", "social_seeding", 0.035, 0.020, 3.0, seeding_boost=3.0),
    TmallSource("粉丝群", "店铺粉丝群", "private_community", 0.03, 0.080, 2.0, member_day_boost=1.6),
    TmallSource("会员日", "会员日短信/push", "member_crm", 0.06, 0.100, 2.0, member_day_only=True),
    TmallSource("购物车", "购物车", "direct", 0.04, 0.150, 1.2),
    TmallSource("我的淘宝", "我的淘宝-已买到", "direct", 0.03, 0.080, 1.5),
    TmallSource("直接访问", "直接访问", "direct", 0.03, 0.050, 2.0),
    TmallSource("其他", "其他来源", "other", 0.06, 0.010, 3.0),
)
TMALL_ZTC_SOURCE = "直通车"
TMALL_SEARCH_SOURCES: tuple[str, ...] = ("手淘搜索", "直通车")
TMALL_MEMBER_DAY_SOURCE = "会员日"

TMALL_UNPAID_SHARE = 0.09
"""Orders created but never paid, as a share of paid orders."""
TMALL_RETURNING_SHARE = 0.42
"""Long-run share of orders placed by an earlier buyer."""
TMALL_MEMBER_DAY_RETURNING_SHARE = 0.48
TMALL_MEMBER_DAY_TRAFFIC = 1.08
"""Visitors of every source on a member day, on top of the CRM push and the fan group's boost: with
MEMBER_DAY_CONVERSION and the coupon, Tmall's member day sells MEMBER_DAY_GMV_LIFT times an ordinary Wednesday."""
TMALL_THEME_WEEK_RETURNING_SHARE = 0.665
"""Theme-week orders placed by earlier buyers (members invited to the week). Above 1 - THEME_WEEK_NEW_CUSTOMER_SHARE
because the mart counts people, not orders: a loyal buyer ordering twice on a day is one of the day's paying
buyers, and a buyer whose earlier orders were all unpaid or fully refunded is new to the warehouse (M2). With
60 % the demo's mart showed 45 % new customers, with 63.5 % 43 %; 66.5 % gives the stated 40 %."""
TMALL_QUANTITY_P: tuple[float, ...] = (0.78, 0.17, 0.05)
"""宝贝总数量 1, 2, 3."""
FREE_POSTAGE_FROM = 69.0
POSTAGE = 6.0
POSTAGE_SHARE_BELOW_FREE = 0.35

ORDER_STATUS = {
    "unpaid": "等待买家付款",
    "paid": "买家已付款，等待卖家发货",
    "shipped": "卖家已发货，等待买家确认",
    "success": "交易成功",
    "closed": "交易关闭",
}
CLOSE_REASON_UNPAID = "买家未付款"
CLOSE_REASON_REFUND = "退款"
SHIPPING_METHOD = "快递"
CARRIERS: tuple[tuple[str, str, float], ...] = (
    ("中通快递", "73", 0.35),
    ("圆通速递", "YT", 0.30),
    ("韵达快递", "43", 0.20),
    ("顺丰速运", "SF", 0.15),
)
"""(carrier, tracking-number prefix, share of parcels); 13 digits follow the prefix."""
LANDLINE_PREFIX = "0571-8"
"""Hangzhou landline numbers for the few buyers who give a 联系电话."""
BUYER_MESSAGES: tuple[str, ...] = ("", "", "", "", "", "", "麻烦尽快发货", "请发顺丰", "送人的，不要放发票")
SELLER_NOTES: tuple[str, ...] = ("", "", "", "", "", "", "", "", "已备注赠品", "老客户，优先发货")

REFUND_SHARE = 0.075
STOCKOUT_REFUND_SHARE = 0.45
"""Share of orders paid in the two days before a stock-out that the shop cannot ship."""
REFUND_STATUS = {"success": "退款成功", "closed": "退款关闭", "open": "退款中"}
REFUND_REASON_STOCKOUT = "缺货"
REFUND_REASONS: tuple[tuple[str, float, bool, float], ...] = (
    ("七天无理由退换货", 0.36, True, 1.0),
    ("尺码不合适", 0.30, True, 1.0),
    ("质量问题", 0.14, False, 0.35),
    ("发错货", 0.06, True, 1.0),
    ("与商品描述不符", 0.14, True, 1.0),
)
"""(reason, share, needs a return, refund as a share of one unit: < 1 is a partial compensation)."""
REFUND_SUCCESS_SHARE = 0.86
REFUND_RETRY_SHARE = 0.3
"""Share of closed refund requests followed by a second, successful one."""

MEMBER_LEVELS: tuple[tuple[str, float], ...] = (
    ("普通会员", 0.0),
    ("银卡会员", 300.0),
    ("金卡会员", 1000.0),
    ("钻石会员", 3000.0),
)
"""(level, lifetime amount from which it applies)."""
MEMBER_JOIN_CHANNELS: tuple[str, ...] = ("店铺首页", "购后入会", "淘宝直播", "粉丝群")
MEMBER_DAY_JOIN_CHANNEL = "会员日活动"
MEMBER_SHARE_REPEAT = 0.75
MEMBER_SHARE_ONE_ORDER = 0.2
MEMBER_SHARE_NO_ORDER = 0.12
"""Members who never bought, as a share of members who did."""

ZTC_CLICK_TO_VISITOR = (0.82, 0.88)
"""Sycm 直通车 visitors per Zhitongche click (uniform range)."""
ZTC_INDIRECT_PER_DIRECT = 0.4
ZTC_CPC_YUAN = (0.8, 2.6)
ZTC_PHASE_CPC: dict[str, float] = {"none": 1.0, "warm_up": 1.2, "burst": 1.6, "long_tail": 1.2, "after_dip": 0.95}

# --------------------------------------------------------------------------- #
# own shop (site)                                                             #
# --------------------------------------------------------------------------- #

SITE_DOMAIN = "https://www.zhili-life.cn"
SITE_DAILY_SESSIONS = 330.0
SITE_RETURNING_SHARE = 0.36
SITE_EXPERIMENT_ITEM = "DR-2403"
SITE_FREE_SHIPPING_FROM = 99.0
SITE_SHIPPING = 10.0
SITE_CURRENCY = "CNY"
SITE_QUANTITY_P: tuple[float, ...] = (0.8, 0.17, 0.03)
SITE_MEMBER_DAY_TRAFFIC = 1.18
"""Own-shop sessions on a member day, on top of the SMS push and the community boost: with MEMBER_DAY_CONVERSION
and the coupon, the own shop's member day sells MEMBER_DAY_GMV_LIFT times an ordinary Wednesday."""
SITE_MEMBER_DAY_DISCOUNT = 0.10
"""MEMBERDAY-10: 10% off on member days."""
SITE_FESTIVAL_COUPON: tuple[float, float] = (199.0, 30.0)
"""满199减30 during festival bursts and long tails: 30 off per full 199."""


@dataclass(frozen=True)
class SiteItem:
    """An item of the own shop (same item numbers as on Tmall)."""

    item_number: str
    price: float
    weight: float


SITE_ITEMS: tuple[SiteItem, ...] = (
    SiteItem("TS-2401", 55.0, 7.0),
    SiteItem("DR-2403", 189.0, 9.0),
    SiteItem("SK-2404", 119.0, 3.0),
    SiteItem("JN-2405", 149.0, 6.0),
    SiteItem("HD-2407", 129.0, 5.0),
    SiteItem("SW-2408", 219.0, 3.0),
    SiteItem("DJ-2409", 379.0, 4.0),
    SiteItem("CT-2411", 859.0, 1.5),
    SiteItem("PT-2413", 85.0, 4.0),
    SiteItem("SH-2415", 115.0, 3.5),
    SiteItem("BG-2417", 65.0, 3.5),
    SiteItem("AC-2421", 149.0, 2.0),
    SiteItem("UW-2424", 55.0, 4.0),
    SiteItem("SL-2425", 119.0, 2.5),
    SiteItem("PO-2427", 129.0, 2.5),
)


@dataclass(frozen=True)
class SiteSource:
    """A GA4 source / medium with its session mix for new and returning visitors."""

    source: str
    medium: str
    channel: str
    new_share: float
    returning_share: float
    conversion: float
    festival_boost: float = 1.0
    seeding_boost: float = 1.0
    member_day_boost: float = 1.0
    member_day_only: bool = False

    @property
    def label(self) -> str:
        """`source / medium`, the label used in `seeds/channel_map.csv`."""
        return f"{self.source} / {self.medium}"


SITE_SOURCES: tuple[SiteSource, ...] = (
    SiteSource("google", "organic", "natural_search", 0.16, 0.08, 0.9),
    SiteSource("baidu", "organic", "natural_search", 0.14, 0.07, 0.9),
    SiteSource("bing", "organic", "natural_search", 0.03, 0.02, 0.9),
    SiteSource("baidu", "cpc", "paid_search", 0.15, 0.06, 1.0, festival_boost=1.3),
    SiteSource("xiaohongshu", "social", "social_seeding", 0.12, 0.05, 0.8, seeding_boost=3.0),
    SiteSource("douyin", "live", "livestream", 0.08, 0.05, 1.2, festival_boost=2.2),
    SiteSource("wechat", "community", "private_community", 0.05, 0.18, 1.5, member_day_boost=1.5),
    SiteSource("sms", "crm", "member_crm", 0.0, 0.30, 1.7, member_day_only=True),
    SiteSource("(direct)", "(none)", "direct", 0.22, 0.28, 1.2),
    SiteSource("zhihu.com", "referral", "other", 0.05, 0.02, 0.7),
)
SITE_CAMPAIGNS: dict[str, str] = {
    "organic": "(organic)",
    "(none)": "(direct)",
    "referral": "(referral)",
    "cpc": "brand_keywords",
    "social": "xhs_always_on",
    "live": "live_weekly",
    "community": "community_coupon",
    "crm": "member_day",
}
"""Default utm campaign per medium; seeding and festivals override social and live."""

SITE_DEVICES: tuple[tuple[str, float], ...] = (("mobile", 0.72), ("desktop", 0.24), ("tablet", 0.04))
SITE_PAGES: tuple[str, ...] = (
    "/",
    "/category/tops",
    "/category/bottoms",
    "/category/outerwear",
    "/search",
    "/new-arrivals",
)
SITE_FUNNEL = {
    "view_item": 0.45,
    "view_item_returning": 0.55,
    "add_to_cart": 0.20,
    "cart_without_view": 0.02,
    "begin_checkout": 0.55,
    "purchase": 0.58,
    "second_purchase": 0.03,
    "unpaid_order": 0.3,
    "long_gap": 0.03,
}
"""Session funnel probabilities (each given the previous step)."""
SITE_VARIANT_B_LIFT = 1.5
SITE_REFUND_SHARE = 0.06
SITE_FULL_REFUND_SHARE = 0.7
SITE_CARRIER = "顺丰速运"
"""The own shop ships every parcel with one contracted carrier."""
SITE_ORDER_STATUS: tuple[str, ...] = ("pending", "cancelled", "paid", "shipped", "completed", "refunded")

# --------------------------------------------------------------------------- #
# Alibaba.com                                                                 #
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class B2BProduct:
    """A B2B listing (Alibaba.com, Made-in-China.com); star rating and image count drive its conversion.

    `launch` < 0 is the day offset of a listing published before the window, in [0, 1) the share of the
    window after which it is published; `attributes` is its custom-attribute count (Made-in-China.com's
    product list)."""

    name: str
    exposure: float
    stars: float
    images: int
    launch: float
    attributes: int = 0


ALIBABA_PRODUCTS: tuple[B2BProduct, ...] = (
    B2BProduct("Custom Logo Cotton T-Shirt 180gsm", 900, 4.5, 8, -600),
    B2BProduct("Women Floral Chiffon Dress OEM", 650, 4.0, 6, -480),
    B2BProduct("High Waist Denim Jeans Wholesale", 800, 4.5, 9, -700),
    B2BProduct("Unisex Fleece Hoodie Blank", 720, 4.0, 5, -520),
    B2BProduct("Lightweight Down Jacket Women", 560, 5.0, 9, -400),
    B2BProduct("Men Quick Dry Sports T-Shirt", 480, 3.5, 3, -350),
    B2BProduct("Canvas Tote Bag Custom Print", 950, 4.5, 7, -820),
    B2BProduct("Cotton Crew Socks Bulk Pack", 700, 3.0, 2, -900),
    B2BProduct("Knitted Beanie Hat Custom Logo", 430, 3.5, 4, -300),
    B2BProduct("Cashmere Scarf Solid Color", 380, 4.0, 6, -460),
    B2BProduct("Seamless Sports Bra", 520, 4.5, 8, -380),
    B2BProduct("Modal Men Boxer Briefs", 410, 3.0, 1, -640),
    B2BProduct("Wool Blend Crewneck Sweater", 350, 4.0, 5, -330),
    B2BProduct("Windproof 3-in-1 Outdoor Jacket", 600, 5.0, 9, -250),
    B2BProduct("UV Protection Arm Sleeves", 300, 3.5, 2, 0.10),
    B2BProduct("Sun Protection Hooded Jacket", 450, 4.0, 6, 0.25),
    B2BProduct("Chunky Sole Dad Sneakers", 520, 4.5, 7, 0.40),
    B2BProduct("Polar Fleece Vest", 330, 3.0, 1, 0.60),
    B2BProduct("Knit Cardigan Long Sleeve", 360, 4.0, 4, 0.75),
    B2BProduct("Linen Wide Leg Pants", 340, 5.0, 8, 0.88),
)
STAR_RATINGS: tuple[float, ...] = (3.0, 3.5, 4.0, 4.5, 5.0)

MADE_IN_CHINA_PRODUCTS: tuple[B2BProduct, ...] = (
    B2BProduct("Custom Printed Cotton T-Shirt Factory", 420, 4.5, 7, -540, 12),
    B2BProduct("Women Summer Floral Dress OEM", 300, 4.0, 5, -430, 9),
    B2BProduct("Men Denim Jeans Slim Fit Wholesale", 360, 4.5, 8, -610, 11),
    B2BProduct("Pullover Hoodie Heavyweight Blank", 330, 4.0, 4, -380, 8),
    B2BProduct("Workwear Cargo Pants Durable", 240, 3.5, 3, -300, 5),
    B2BProduct("Canvas Shopping Bag With Logo", 450, 5.0, 9, -720, 14),
    B2BProduct("Cotton Ankle Socks Bulk", 310, 3.0, 2, -800, 3),
    B2BProduct("Acrylic Knit Beanie Embroidered", 200, 3.5, 3, -260, 6),
    B2BProduct("Yoga Leggings High Waist", 280, 4.5, 8, -350, 10),
    B2BProduct("Softshell Jacket Waterproof", 260, 4.0, 6, 0.15, 9),
    B2BProduct("Kids Cotton Pajama Set", 190, 3.5, 2, 0.45, 4),
    B2BProduct("Linen Shirt Men Short Sleeve", 220, 4.5, 7, 0.70, 12),
)
"""Made-in-China.com listings: the same kind of goods as Alibaba.com, with about half its exposure."""
MADE_IN_CHINA_STATUS = "已发布"
"""Status the product list writes for a listing that is online."""


@dataclass(frozen=True)
class P4PKeyword:
    """A P4P (外贸直通车) keyword with its plan, daily impressions, CTR and CPC."""

    campaign: str
    keyword: str
    impressions: float
    ctr: float
    cpc: float


P4P_KEYWORDS: tuple[P4PKeyword, ...] = (
    P4PKeyword("关键词推广-服装", "custom t shirt", 1400, 0.022, 3.2),
    P4PKeyword("关键词推广-服装", "blank t shirts wholesale", 900, 0.026, 2.8),
    P4PKeyword("关键词推广-服装", "women dress", 1800, 0.012, 2.1),
    P4PKeyword("关键词推广-服装", "denim jeans", 1100, 0.017, 2.6),
    P4PKeyword("关键词推广-服装", "hoodie custom logo", 850, 0.024, 3.5),
    P4PKeyword("关键词推广-服装", "down jacket women", 600, 0.02, 3.9),
    P4PKeyword("关键词推广-服装", "sports bra", 700, 0.018, 2.4),
    P4PKeyword("关键词推广-服装", "outdoor jacket", 500, 0.021, 4.2),
    P4PKeyword("全店推广-配件", "tote bag", 1300, 0.02, 1.9),
    P4PKeyword("全店推广-配件", "canvas bag custom", 650, 0.028, 2.2),
    P4PKeyword("全店推广-配件", "crew socks", 900, 0.015, 1.5),
    P4PKeyword("全店推广-配件", "beanie hat", 550, 0.019, 1.7),
    P4PKeyword("全店推广-配件", "cashmere scarf", 400, 0.023, 2.9),
    P4PKeyword("全店推广-配件", "arm sleeves", 300, 0.016, 1.2),
    P4PKeyword("全店推广-配件", "boxer briefs men", 480, 0.014, 1.6),
    P4PKeyword("全店推广-配件", "dad sneakers", 520, 0.018, 3.0),
)

# --------------------------------------------------------------------------- #
# generic third shop                                                          #
# --------------------------------------------------------------------------- #

GENERIC_STORE_ID = "jd_flagship_01"
GENERIC_DAILY_ORDERS = 20.0
GENERIC_RETURNING_SHARE = 0.3
GENERIC_CURRENCY = "CNY"
GENERIC_PRODUCTS: tuple[tuple[str, float, float], ...] = (
    ("G-101", 59.0, 6.0),
    ("G-102", 129.0, 4.0),
    ("G-103", 159.0, 5.0),
    ("G-104", 229.0, 2.0),
    ("G-105", 399.0, 2.5),
    ("G-106", 69.0, 3.5),
    ("G-107", 29.0, 5.0),
    ("G-108", 99.0, 3.0),
    ("G-109", 259.0, 1.5),
    ("G-110", 119.0, 2.5),
)
"""(product_id, price, weight)."""
GENERIC_CHANNELS: tuple[tuple[str, str, float], ...] = (
    ("search", "natural_search", 0.34),
    ("ads", "paid_search", 0.18),
    ("recommend", "recommendation", 0.16),
    ("live", "livestream", 0.08),
    ("social", "social_seeding", 0.05),
    ("community", "private_community", 0.05),
    ("crm", "member_crm", 0.04),
    ("direct", "direct", 0.07),
    ("other", "other", 0.03),
)
"""(channel label written to the export, canonical channel, share)."""
GENERIC_STATUS_P: tuple[tuple[str, float], ...] = (("paid", 0.85), ("cancelled", 0.08), ("refunded", 0.07))
GENERIC_QUANTITY_P: tuple[float, ...] = (0.7, 0.2, 0.07, 0.03)
GENERIC_SHIP_HOURS = 16.0
GENERIC_SHIP_HOURS_BUSY = 50.0
"""Median hours from payment to shipment (lognormal, σ 0.6), ordinary days and a festival's burst and long tail:
the 72-hour promise is broken by about 1 % of ordinary orders and a third of festival ones."""
GENERIC_REFUNDED_BEFORE_SHIPPING = 0.5
"""Share of fully refunded orders refunded before they ship (they never get a ship time)."""
GENERIC_CARRIERS: tuple[tuple[str, float], ...] = (("京东物流", 0.8), ("顺丰速运", 0.2))

# --------------------------------------------------------------------------- #
# channels                                                                    #
# --------------------------------------------------------------------------- #

CHANNELS: tuple[str, ...] = (
    "natural_search",
    "paid_search",
    "livestream",
    "social_seeding",
    "private_community",
    "member_crm",
    "recommendation",
    "direct",
    "other",
)
ALIBABA_SOURCES: tuple[tuple[str, str], ...] = (("P4P", "paid_search"), ("organic", "natural_search"))
"""Alibaba.com exports carry no source column: the P4P report is paid search, the
rest of the product performance report is organic."""

# --------------------------------------------------------------------------- #
# people and places (Tmall PII is GBK text)                                   #
# --------------------------------------------------------------------------- #

SURNAMES: tuple[str, ...] = tuple("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹")
GIVEN_CHARS: tuple[str, ...] = tuple(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏辉婷雪琳晨宇浩欣怡佳雨思涵轩"
)
PINYIN: tuple[str, ...] = (
    "xiao", "mei", "li", "wang", "zhang", "chen", "yu", "ting", "hui", "jing", "lin", "hao", "jie", "ming",
    "fang", "yan", "qing", "lei", "tao", "nan", "ying", "xin", "yue", "chun", "feng", "long", "bo", "jun",
)  # fmt: skip
NICK_ADJECTIVES: tuple[str, ...] = (
    "快乐的",
    "安静的",
    "爱吃",
    "努力的",
    "小小",
    "开心",
    "温柔的",
    "可爱的",
    "勇敢的",
    "迷糊的",
)
NICK_NOUNS: tuple[str, ...] = ("小熊", "兔子", "猫咪", "橙子", "奶茶", "柠檬", "月亮", "星星", "鲸鱼", "布丁")
EMAIL_DOMAINS: tuple[str, ...] = ("163.com", "126.com", "qq.com", "sina.com", "gmail.com", "outlook.com")

GEOGRAPHY: tuple[tuple[str, str, tuple[str, ...], float], ...] = (
    ("浙江省", "杭州市", ("西湖区", "拱墅区", "滨江区", "余杭区", "上城区"), 9.0),
    ("浙江省", "宁波市", ("海曙区", "鄞州区", "江北区"), 3.0),
    ("江苏省", "南京市", ("玄武区", "鼓楼区", "建邺区", "江宁区"), 4.0),
    ("江苏省", "苏州市", ("姑苏区", "吴中区", "相城区"), 4.0),
    ("上海", "上海市", ("浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区"), 9.0),
    ("北京", "北京市", ("朝阳区", "海淀区", "东城区", "丰台区"), 7.0),
    ("广东省", "广州市", ("天河区", "越秀区", "海珠区", "番禺区"), 7.0),
    ("广东省", "深圳市", ("南山区", "福田区", "宝安区", "龙岗区"), 7.0),
    ("四川省", "成都市", ("武侯区", "锦江区", "青羊区", "成华区"), 5.0),
    ("湖北省", "武汉市", ("武昌区", "洪山区", "江汉区"), 4.0),
    ("山东省", "济南市", ("历下区", "市中区", "槐荫区"), 3.0),
    ("山东省", "青岛市", ("市南区", "崂山区", "黄岛区"), 3.0),
    ("福建省", "厦门市", ("思明区", "湖里区"), 2.0),
    ("河南省", "郑州市", ("金水区", "二七区", "中原区"), 3.0),
    ("湖南省", "长沙市", ("岳麓区", "芙蓉区", "天心区"), 3.0),
    ("陕西省", "西安市", ("雁塔区", "碑林区", "未央区"), 3.0),
    ("重庆", "重庆市", ("渝中区", "江北区", "南岸区"), 3.0),
    ("天津", "天津市", ("和平区", "南开区"), 2.0),
    ("安徽省", "合肥市", ("蜀山区", "包河区"), 2.0),
    ("辽宁省", "沈阳市", ("和平区", "沈河区"), 2.0),
)
"""(province as the first address token, city, districts, weight)."""
STREETS: tuple[str, ...] = (
    "文三路", "学院路", "人民路", "中山路", "解放路", "建设路", "长江路", "黄河路", "和平路", "新华路",
    "南京路", "淮海路", "天府大道", "科技园路", "滨江大道", "东风路", "朝阳路", "青年路", "友谊路", "花园路",
)  # fmt: skip

# --------------------------------------------------------------------------- #
# files                                                                       #
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Layout:
    """How a platform's back-end writes its CSV files."""

    encoding: str
    newline: str


LAYOUTS: dict[str, Layout] = {
    "tmall": Layout("gbk", "\r\n"),
    "alibaba_com": Layout("utf-8-sig", "\r\n"),
    "made_in_china": Layout("utf-8-sig", "\r\n"),
    "site": Layout("utf-8-sig", "\r\n"),
    "generic": Layout("utf-8", "\n"),
    "manual": Layout("utf-8-sig", "\r\n"),  # a sheet saved as "CSV UTF-8" by Excel
}
TRAILING_SPACE_HEADERS: dict[tuple[str, str], frozenset[str]] = {
    ("tmall", "orders"): frozenset({"收货地址", "订单付款时间", "联系电话", "宝贝标题", "宝贝种类", "物流单号"}),
}
"""Headers the real back-end writes with a trailing space."""

# --------------------------------------------------------------------------- #
# service tickets (issue 15, after-sales)                                     #
# --------------------------------------------------------------------------- #

TICKET_TYPES: tuple[tuple[str, str, str, str, float], ...] = (
    ("logistics_speed", "物流问题", "物流太慢", "slow delivery", 0.020),
    ("logistics_speed", "物流问题", "催发货", "where is my order", 0.012),
    ("damaged", "商品问题", "商品破损", "arrived damaged", 0.006),
    ("not_as_described", "商品问题", "与描述不符", "not as described", 0.010),
    ("not_as_described", "商品问题", "色差", "colour differs", 0.006),
    ("size", "尺码问题", "尺码偏大", "too large", 0.008),
    ("size", "尺码问题", "尺码偏小", "too small", 0.008),
    ("quality", "商品问题", "质量问题", "quality issue", 0.007),
    ("other", "售后咨询", "发票", "invoice", 0.005),
    ("other", "售后咨询", "退换货流程", "return process", 0.006),
)
"""(reason category, Tmall 问题分类, Tmall 问题子类, generic sub_category, tickets per paid order before any fix).
The generic export writes the reason category itself as its `category`."""
TICKETS_WITHOUT_ORDER_SHARE = 0.05
"""Share of extra tickets (pre-sale questions) with no order, as a share of the ticketed orders."""
SAME_CITY_DELIVERY_DATE, SAME_CITY_DELIVERY_EFFECT = "2024-06-01", -0.4
"""Same-city delivery from this date: logistics-speed tickets per paid order fall 40 %."""
BETTER_PHOTOS_DATE, BETTER_PHOTOS_EFFECT = "2024-08-15", -0.5
"""Better size and material photos from this date: not-as-described tickets per paid order fall 50 %."""
TICKET_FIXES: tuple[tuple[str, str, float], ...] = (
    (SAME_CITY_DELIVERY_DATE, "logistics_speed", SAME_CITY_DELIVERY_EFFECT),
    (BETTER_PHOTOS_DATE, "not_as_described", BETTER_PHOTOS_EFFECT),
)
"""The demo's dated fixes: (date, reason category, relative change of that category's tickets per paid order for
orders paid from the date on). Both platforms; the refund export is unchanged."""
TICKET_RESOLUTION_MEAN_HOURS = 9.0
"""Mean hours from a ticket's creation to its resolution (exponential); 3 % stay open."""
TICKET_SATISFACTION: tuple[tuple[str, float], ...] = (("满意", 0.7), ("一般", 0.2), ("不满意", 0.1))
"""满意度 values and shares (the generic export writes 5 / 3 / 1)."""

# --- Stock (issue 15; generate/stock.py, DECISIONLOG L3) ---
STOCK_WAREHOUSE = "杭州仓"
"""The Tmall shop's one warehouse, as its inventory snapshots and purchase receipts name it."""
STOCK_SUPPLIER = "义乌服饰供应链"
LEAD_TIME_DAYS = (5, 12)
"""A purchase order is received 5 to 12 days (inclusive, uniform) after it is placed."""
EXPRESS_LEAD_TIME_DAYS = 2
"""An order placed in a hurry, when a day's sales would take sellable stock below zero, arrives in 2 days."""
STOCKOUT_SKU = "TS-2401-BK-M"
"""The injected stock-out: the best seller's (TS-2401, the cotton T-shirt) black M, during the 618 warm-up."""
STOCKOUT_SIBLING_SKU = "TS-2401-WH-M"
"""While STOCKOUT_SKU is out, the lines that would have been its ordinary sales are this SKU's (the buyer takes
the white one); the pre-sale orders of TS-2401 placed then are STOCKOUT_SKU's (deposit now, shipped later)."""
STOCKOUT_FIRST_DAY: MonthDay = (6, 7)
"""Its last units sell on this day: the day's snapshot is the first with 0 sellable (a week into the warm-up)."""
STOCKOUT_LAST_DAY: MonthDay = (6, 14)
"""The last day with 0 sellable; the late purchase order is received the next day."""
STOCKOUT_REORDER_DAYS_BEFORE = 3
"""The purchase order that ends the stock-out was placed this many days before STOCKOUT_FIRST_DAY (too late)."""
INVENTORY_MISSING_DAYS: tuple[MonthDay, ...] = ((3, 10), (8, 20), (8, 21))
"""Days the inventory export has no snapshot at all (the warehouse system's sync failed); the marts carry the
day before forward."""
GENERIC_WAREHOUSE = "main"
"""The generic shop's one warehouse (generic/inventory)."""
