"""The catalogue of bad exports: how real files go wrong, and what storeops does with each.

Each case writes its file(s) into an exports folder and states its documented outcome:

- `staged`: every row lands and is staged (the listed order ids are in staging);
- `quarantined`: the file lands; the listed rows are in quarantine with a reason naming the problem;
- `blocked`: the file is not landed; validation and the build name the file and the problem;
- `mostly_rejected`: more than STOREOPS_MAX_REJECT_SHARE (0.5) of the file's rows fail one check, almost
  always a mapping problem: validation blocks it and the build stops, naming the file, the check and the
  share; with `--keep-going` it lands and the listed rows are in quarantine with the reason;
- `warning`: the file lands (no rows lost) and validation warns.

Order ids are unique per case, so each case can be checked on its own in one shared build.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from conftest import write_export

GENERIC = ["order_id", "customer_id", "ordered_at", "amount", "status", "paid_at"]
TMALL = ["订单编号", "买家会员名", "总金额", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间 ", "收货地址 ", "联系手机"]
SHOP = ["统计日期", "访客数", "支付买家数", "支付金额", "支付转化率"]
CALENDAR_BAD = "calendar_bad_rows.csv"
CAMPAIGNS = ["campaign_id", "campaign_name", "campaign_type", "platform", "phase", "start_date", "end_date",
             "weekday", "budget"]
PLANS = ["实验编号", "实验名称", "实验单位", "对照组", "开始日期", "结束日期", "主要指标", "观察窗口天数"]
ASSIGNMENTS = ["experiment_id", "member_id", "variant", "assigned_at"]
ITEMS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码"]
"""The older 宝贝报表 layout: no sub-order number, no date (src/storeops/contracts/README.md)."""
GENERIC_ITEMS = ["order_id", "line_id", "sku", "quantity", "price"]
INVENTORY = ["日期", "商家编码", "可用库存", "占用库存"]
"""A Tmall stock list under the ERP words (aliases) and without a warehouse column (src/storeops/contracts/README.md)."""
RECEIPTS = ["采购单号", "商家编码", "采购日期", "入库时间", "入库数量"]
"""A purchase receipt list under its Chinese headers (aliases of generic/purchase_receipts)."""
MIC_PERFORMANCE = ["统计日期", "产品ID", "产品名称", "曝光量", "点击量", "访客数", "询盘数"]
MIC_PERFORMANCE_EN = ["Date", "Product ID", "Product Name", "Exposure", "Clicks", "Visitors", "Inquiries"]
"""Made-in-China.com product performance under its Chinese headers, and under the English ones (aliases)."""
MIC_LIST = ["产品ID", "产品名称", "发布时间", "更新时间", "产品星级", "图片数", "自定义属性数", "产品状态"]


def generic_row(order_id: str, amount: str = "10.00", ordered_at: str = "2024-03-01 10:00:00") -> list[str]:
    return [order_id, f"c-{order_id}", ordered_at, amount, "paid", ordered_at]


def tmall_row(order_id: str, amount: str = "99.00", created: str = "2024-03-01 10:00:00") -> list[str]:
    return [order_id, f"tb_{order_id}", amount, amount, "交易成功", created, created,
            "浙江省 杭州市 西湖区 文三路1号", "13800000000"]


@dataclass(frozen=True)
class Case:
    """One way an export goes wrong, and its documented outcome."""

    name: str
    outcome: str  # staged | quarantined | blocked | mostly_rejected | warning
    build: Callable[[Path], None]
    staged: tuple[str, ...] = ()  # (export key:) order ids / dates expected in staging
    quarantined: tuple[tuple[str, str], ...] = ()  # (file name, reason fragment)
    message: tuple[str, ...] = ()  # fragments the blocked/warning message must name
    export: str = "generic__orders"
    key_column: str = "order_id"
    extra: dict[str, object] = field(default_factory=dict)
    row_reasons: tuple[tuple[str, int, str], ...] = ()  # (file name, row number, reason fragment) in quarantine


def _utf8_where_gbk_expected(root: Path) -> None:
    write_export(root, "tmall", "orders", "utf8_resaved.csv", TMALL, [tmall_row("T-UTF8-1")], encoding="utf-8")


def _gbk_where_utf8_expected(root: Path) -> None:
    write_export(root, "generic", "orders", "gbk_saved.csv", GENERIC + ["channel"],
                 [generic_row("G-GBK-1") + ["小红书"]], encoding="gbk")


def _bom(root: Path) -> None:
    write_export(root, "generic", "orders", "with_bom.csv", GENERIC, [generic_row("G-BOM-1")], encoding="utf-8-sig")


def _no_bom_lf(root: Path) -> None:
    write_export(root, "generic", "orders", "no_bom_lf.csv", GENERIC, [generic_row("G-LF-1")], newline="\n")


def _crlf(root: Path) -> None:
    write_export(root, "generic", "orders", "crlf.csv", GENERIC, [generic_row("G-CRLF-1")], newline="\r\n")


def _missing_required(root: Path) -> None:
    header = [h for h in TMALL if h != "买家实际支付金额"]
    row = tmall_row("T-MISS-1")
    del row[3]
    write_export(root, "tmall", "orders", "missing_paid_amount.csv", header, [row], encoding="gbk")


def _renamed_alias(root: Path) -> None:
    header = ["买家实付金额" if h == "买家实际支付金额" else h for h in TMALL]
    write_export(root, "tmall", "orders", "newer_headers.csv", header, [tmall_row("T-ALIAS-1")], encoding="gbk")


def _renamed_unknown(root: Path) -> None:
    header = ["订单号" if h == "订单编号" else h for h in TMALL]
    write_export(root, "tmall", "orders", "renamed_order_id.csv", header, [tmall_row("T-REN-1")], encoding="gbk")


def _extra_columns(root: Path) -> None:
    write_export(root, "generic", "orders", "extra_columns.csv", GENERIC + ["coupon", "note"],
                 [generic_row("G-EXTRA-1") + ["SPRING", "gift"]])


def _reordered(root: Path) -> None:
    order = [3, 0, 5, 1, 4, 2]
    row = generic_row("G-ORDER-1")
    write_export(root, "generic", "orders", "reordered.csv", [GENERIC[i] for i in order], [[row[i] for i in order]])


def _empty(root: Path) -> None:
    folder = root / "generic" / "orders"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.csv").write_bytes(b"")


def _header_only(root: Path) -> None:
    write_export(root, "generic", "orders", "header_only.csv", GENERIC, [])


def _truncated(root: Path) -> None:
    path = write_export(root, "generic", "orders", "truncated.csv", GENERIC,
                        [generic_row("G-TRUNC-1"), generic_row("G-TRUNC-2")], newline="\n")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("G-TRUNC-2") + len("G-TRUNC-2,c-G-TR")], encoding="utf-8")


def _non_numeric(root: Path) -> None:
    write_export(root, "generic", "orders", "non_numeric.csv", GENERIC,
                 [generic_row("G-NUM-1"), generic_row("G-NUM-2", amount="twelve")])


def _number_formats(root: Path) -> None:
    write_export(root, "tmall", "sycm_shop_daily", "formats.csv", SHOP, [
        ["2023-01-01", "1,234", "12", "1,234.50", "3.2%"],
        ["2023-01-02", "100", "0", "￥1,234.50", "--"],
    ], encoding="gbk")


def _date_formats(root: Path) -> None:
    write_export(root, "tmall", "sycm_shop_daily", "date_formats.csv", SHOP, [
        ["2023-02-01", "10", "1", "5.00", "10.00%"],
        ["2023/2/2", "10", "1", "5.00", "10.00%"],
        ["20230203", "10", "1", "5.00", "10.00%"],
    ], encoding="gbk")


def _future_dates(root: Path) -> None:
    write_export(root, "generic", "orders", "future.csv", GENERIC,
                 [generic_row("G-FUT-1"), generic_row("G-FUT-2", ordered_at="2099-01-01 10:00:00")])


def _day_first_dates(root: Path) -> None:
    rows = [generic_row(f"G-DMY-{day}", ordered_at=f"{day}/03/2024 10:00:00") for day in (13, 14, 15)]
    write_export(root, "generic", "orders", "day_first.csv", GENERIC, rows)


def _negative(root: Path) -> None:
    write_export(root, "generic", "orders", "negative.csv", GENERIC,
                 [generic_row("G-NEG-1"), generic_row("G-NEG-2", amount="-15.00")])


def _duplicates(root: Path) -> None:
    write_export(root, "generic", "orders", "duplicates.csv", GENERIC,
                 [generic_row("G-DUP-1"), generic_row("G-DUP-1"), generic_row("G-DUP-2")])


def _overlap(root: Path) -> None:
    old = write_export(root, "generic", "orders", "overlap_march.csv", GENERIC,
                       [generic_row("G-OVL-1", "10.00"), generic_row("G-OVL-2", "20.00")])
    new = write_export(root, "generic", "orders", "overlap_march_redownload.csv", GENERIC,
                       [generic_row("G-OVL-1", "11.00"), generic_row("G-OVL-3", "30.00")])
    stamp = old.stat().st_mtime
    import os

    os.utime(old, (stamp - 3600, stamp - 3600))  # downloaded an hour before the re-download
    os.utime(new, (stamp, stamp))


def _same_file_twice(root: Path) -> None:
    first = write_export(root, "generic", "orders", "twice.csv", GENERIC, [generic_row("G-TWICE-1")])
    shutil.copyfile(first, first.with_name("twice (1).csv"))


def write_xlsx(root: Path, platform: str, report: str, name: str, lines: list[list[str]]) -> None:
    """An Excel export: every line (title lines, the header, the rows) as text cells of one sheet."""
    folder = root / platform / report
    folder.mkdir(parents=True, exist_ok=True)
    from storeops.db import connect

    width = max(len(line) for line in lines)
    padded = [line + [""] * (width - len(line)) for line in lines]
    values = ", ".join("(" + ", ".join("'" + cell.replace("'", "''") + "'" for cell in line) + ")" for line in padded)
    columns = ", ".join(f"c{i}" for i in range(width))
    con = connect()
    con.execute(f"copy (select * from (values {values}) t({columns})) to '{folder / name}' (format xlsx, header false)")
    con.close()


def _xlsx(root: Path) -> None:
    write_xlsx(root, "tmall", "sycm_shop_daily", "shop_overview.xlsx",
               [["生意参谋 店铺整体"], ["统计日期", "访客数", "支付买家数", "支付金额"], ["2023-03-01", "50", "5", "500.00"]])


def campaign_row(campaign_id: str, campaign_type: str = "theme_week", start: str = "2024-08-05",
                 end: str = "2024-08-11", weekday: str = "", platform: str = "tmall") -> list[str]:
    return [campaign_id, f"name of {campaign_id}", campaign_type, platform, "main", start, end, weekday, "5,000.00"]


def _campaign_calendar_bad_rows(root: Path) -> None:
    """An operator's calendar with one good row of each kind and one row per way a row can be wrong."""
    rows = [
        campaign_row("C-OK-1"),
        campaign_row("C-OK-2", "会员日", "2024-07-03", "2027-12-29", weekday="周三", platform="全部"),
        campaign_row("C-END-1", end="2024-08-01"),
        campaign_row("C-TYPE-1", "flash_sale"),
        campaign_row("C-WDAY-1", "member_day"),
        campaign_row("C-WDAY-2", weekday="wednesday"),
        campaign_row("C-WDAY-3", "member_day", weekday="someday"),
        campaign_row("C-PLAT-1", platform="jd"),
    ]
    write_export(root, "manual", "campaigns", CALENDAR_BAD, CAMPAIGNS, rows)


def _campaign_calendar_xlsx(root: Path) -> None:
    """The calendar kept in Excel with Chinese headers (the contract's aliases) and a title line above them."""
    write_xlsx(root, "manual", "campaigns", "calendar.xlsx", [
        ["2024 活动日历"],
        ["活动ID", "活动名称", "活动类型", "平台", "阶段", "开始日期", "结束日期", "星期", "预算"],
        ["C-XLSX-1", "夏季主题周", "主题周", "tmall", "main", "2024-08-05", "2024-08-11", "", "¥8,000.00"],
        ["C-XLSX-2", "周三会员日", "会员日", "全部", "weekly", "2024/7/3", "2099/12/30", "星期三", ""],
    ])


def plan_row(experiment_id: str, window: str = "14") -> list[str]:
    return [experiment_id, "详情页文案", "访客", "A", "2024-03-01", "2024-03-14", "转化率", window]


def _plans_with_a_bad_window(root: Path) -> None:
    rows = [plan_row("X-PLAN-1"), plan_row("X-PLAN-2"), plan_row("X-PLAN-3", window="两周")]
    write_export(root, "manual", "experiments", "plans_bad_window.csv", PLANS, rows, encoding="utf-8-sig")


def _plans_as_xlsx_in_english(root: Path) -> None:
    write_xlsx(root, "manual", "experiments", "plans.xlsx", [
        ["experiment_id", "experiment_name", "unit", "control_variant", "start_date", "end_date", "primary_metric",
         "window_days"],
        ["X-XLSX-1", "recall", "member", "holdout", "2024-03-01", "2024-03-01", "repurchase", "30"],
    ])


def _assignments_without_variant(root: Path) -> None:
    write_export(root, "generic", "experiment_assignments", "no_variant.csv", ["experiment_id", "member_id",
                 "assigned_at"], [["X-NOVAR-1", "tb_a", "2024-03-01 10:00:00"]])


def _unit_in_two_variants(root: Path) -> None:
    rows = [["X-TWO-1", "tb_a", "two-a", "2024-03-01 10:00:00"], ["X-TWO-1", "tb_a", "two-b", "2024-03-01 10:00:00"]]
    write_export(root, "generic", "experiment_assignments", "two_variants.csv", ASSIGNMENTS, rows)


def _assigned_in_the_future(root: Path) -> None:
    rows = [["X-FUT-1", f"tb_{i}", "treatment", "2024-03-01 10:00:00"] for i in range(3)]
    rows.append(["X-FUT-2", "tb_9", "treatment", "2099-03-01 10:00:00"])
    write_export(root, "generic", "experiment_assignments", "assigned_future.csv", ASSIGNMENTS, rows)


def _wrong_folder(root: Path) -> None:
    write_export(root, "tmall", "refunds", "orders_in_refunds.csv", TMALL, [tmall_row("T-WRONG-1")], encoding="gbk")


def _unknown_folder(root: Path) -> None:
    write_export(root, "tmall", "order", "typo_folder.csv", TMALL, [tmall_row("T-TYPO-1")], encoding="gbk")


def _tmall_items_older_layout(root: Path) -> None:
    def row(order_id: str, price: str, quantity: str) -> list[str]:
        return [order_id, "纯棉T恤", price, quantity, "TS-1-BK-M", "颜色分类：黑色;尺码：M", "", "", "交易成功", "TS-1-BK-M"]

    write_export(root, "tmall", "order_items", "items_older_layout.csv", ITEMS,
                 [row("T-ITEM-1", "59.00", "2"), row("T-ITEM-2", "1,234.50", "1"), row("T-ITEM-3", "59.00", "两件")],
                 encoding="gbk")


def _generic_items_without_sku(root: Path) -> None:
    write_export(root, "generic", "order_items", "items_no_sku.csv", GENERIC_ITEMS,
                 [["G-ITEM-1", "1", "G-1-M", "2", "10.00"], ["G-ITEM-1", "2", "G-1-L", "1", "10.00"],
                  ["G-ITEM-2", "1", "", "1", "10.00"]])


def _tmall_tickets_with_aliases(root: Path) -> None:
    header = ["工单ID", "订单号", "买家昵称", "工单创建时间", "问题类型", "二级分类", "工单完成时间", "满意度"]
    write_export(root, "tmall", "service_tickets", "tickets_aliases.csv", header,
                 [["K-TKT-1", "T-1", "tb_buyer", "2024-03-01 10:00:00", "物流问题", "物流太慢", "2024-03-01 12:00:00", "满意"],
                  ["K-TKT-2", "", "", "2024-03-01 11:00:00", "售前咨询", "", "", ""],
                  ["K-TKT-3", "T-2", "tb_other", "2024-03-02 10:00:00", "商品问题", "色差", "2024-03-01 09:00:00", ""]],
                 encoding="gbk")


def _generic_tickets_without_category(root: Path) -> None:
    write_export(root, "generic", "service_tickets", "tickets_no_category.csv",
                 ["ticket_id", "order_id", "created_at", "issue_type", "solved_at", "csat"],
                 [["G-TKT-1", "G-1", "2024-03-01 10:00:00", "size", "2024-03-01 11:00:00", "5"],
                  ["G-TKT-2", "", "2024-03-01 10:30:00", "other", "", ""],
                  ["G-TKT-3", "G-2", "2024-03-01 11:00:00", "", "", ""]])
def _tmall_inventory_with_aliases(root: Path) -> None:
    write_export(root, "tmall", "inventory", "inventory_aliases.csv", INVENTORY,
                 [["2024-03-01", "INV-T-1", "5", "1"], ["2024-03-01", "INV-T-2", "1,200", "0"],
                  ["2024-03-01", "INV-T-3", "缺货", "0"]], encoding="gbk")


def _receipts_before_their_order(root: Path) -> None:
    write_export(root, "generic", "purchase_receipts", "receipts_early.csv", RECEIPTS,
                 [["PO-1", "RCV-SKU-1", "2024-02-20", "2024-03-01 10:00", "50"],
                  ["PO-3", "RCV-SKU-3", "2024-02-21", "2024-03-01 11:00", "20"],
                  ["PO-2", "RCV-SKU-2", "2024-03-02", "2024-03-01 10:00", "50"]])


def _mic_performance_in_english_with_inquiries_in_words(root: Path) -> None:
    write_export(root, "made_in_china", "product_performance", "mic_english.csv", MIC_PERFORMANCE_EN,
                 [["2023-04-01", "MIC-P-1", "Canvas Bag", "1,200", "30", "25", "2"],
                  ["2023-04-01", "MIC-P-2", "Cotton Socks", "800", "12", "10", "0"],
                  ["2023-04-01", "MIC-P-3", "Knit Beanie", "500", "9", "8", "三"]], encoding="utf-8-sig")


def _mic_performance_with_an_unknown_exposure_header(root: Path) -> None:
    header = ["展现次数" if h == "曝光量" else h for h in MIC_PERFORMANCE]
    write_export(root, "made_in_china", "product_performance", "mic_unknown_header.csv", header,
                 [["2023-04-02", "MIC-P-4", "Denim Jeans", "900", "20", "18", "1"]], encoding="utf-8-sig")


def _mic_listing_updated_before_it_was_published(root: Path) -> None:
    write_export(root, "made_in_china", "product_list", "mic_list_early_update.csv", MIC_LIST,
                 [["MIC-L-1", "Canvas Bag", "2023-01-05 10:00:00", "2023-03-01 09:30:00", "4.5", "8", "12", "已发布"],
                  ["MIC-L-2", "Cotton Socks", "2023-01-06 11:00:00", "2023-03-02 10:00:00", "3.0", "2", "3", "已发布"],
                  ["MIC-L-3", "Knit Beanie", "2023-02-10 10:00:00", "2023-02-01 10:00:00", "3.5", "3", "6", "审核中"]],
                 encoding="utf-8-sig")


CATALOGUE: tuple[Case, ...] = (
    Case("utf8 where gbk expected", "staged", _utf8_where_gbk_expected, staged=("T-UTF8-1",), export="tmall__orders"),
    Case("gbk where utf8 expected", "staged", _gbk_where_utf8_expected, staged=("G-GBK-1",)),
    Case("utf8 with bom", "staged", _bom, staged=("G-BOM-1",)),
    Case("no bom, lf line ends", "staged", _no_bom_lf, staged=("G-LF-1",)),
    Case("crlf line ends", "staged", _crlf, staged=("G-CRLF-1",)),
    Case("missing required column", "blocked", _missing_required,
         message=("tmall/orders/missing_paid_amount.csv", "买家实际支付金额")),
    Case("renamed header, known alias", "staged", _renamed_alias, staged=("T-ALIAS-1",), export="tmall__orders"),
    Case("renamed header, unknown", "blocked", _renamed_unknown,
         message=("tmall/orders/renamed_order_id.csv", "订单编号", "订单号")),
    Case("extra unknown columns", "staged", _extra_columns, staged=("G-EXTRA-1",)),
    Case("columns in another order", "staged", _reordered, staged=("G-ORDER-1",)),
    Case("empty file", "blocked", _empty, message=("generic/orders/empty.csv", "empty file")),
    Case("header only", "warning", _header_only, message=("generic/orders/header_only.csv", "at least one data row")),
    Case("truncated last line", "quarantined", _truncated, staged=("G-TRUNC-1",),
         quarantined=(("truncated.csv", "required value is empty"),)),
    Case("non-numeric value in a numeric column", "quarantined", _non_numeric, staged=("G-NUM-1",),
         quarantined=(("non_numeric.csv", "'twelve' is not"),)),
    Case("thousands separators, currency sign, percent, --", "staged", _number_formats,
         staged=("2023-01-01", "2023-01-02"), export="tmall__sycm_shop_daily", key_column="stat_date"),
    Case("dates in three formats", "staged", _date_formats, staged=("2023-02-01", "2023-02-02", "2023-02-03"),
         export="tmall__sycm_shop_daily", key_column="stat_date"),
    Case("future dates", "quarantined", _future_dates, staged=("G-FUT-1",),
         quarantined=(("future.csv", "future date"),)),
    Case("dates in a format the contract does not know (day first)", "mostly_rejected", _day_first_dates,
         quarantined=(("day_first.csv", "is not a timestamp"),),
         message=("generic/orders/day_first.csv",
                  '3 of 3 rows (100.0 %) fail "ordered_at (ordered_at) parses as timestamp"')),
    Case("negative amounts", "quarantined", _negative, staged=("G-NEG-1",),
         quarantined=(("negative.csv", "is negative"),)),
    Case("duplicate rows", "quarantined", _duplicates, staged=("G-DUP-1", "G-DUP-2"),
         quarantined=(("duplicates.csv", "superseded"),)),
    Case("export overlapping an earlier one", "quarantined", _overlap, staged=("G-OVL-1", "G-OVL-2", "G-OVL-3"),
         quarantined=(("overlap_march.csv", "superseded"),), extra={"G-OVL-1": 11}),
    Case("same file twice under two names", "staged", _same_file_twice, staged=("G-TWICE-1",)),
    Case("excel .xlsx export", "staged", _xlsx, staged=("2023-03-01",), export="tmall__sycm_shop_daily",
         key_column="stat_date"),
    Case("campaign calendar: end before start, unknown type, weekday missing or misplaced, unknown platform",
         "quarantined", _campaign_calendar_bad_rows, staged=("C-OK-1", "C-OK-2"), export="manual__campaigns",
         key_column="campaign_id",
         quarantined=((CALENDAR_BAD, ""),),  # each row's own reason below
         row_reasons=(
             (CALENDAR_BAD, 3, "end_date (end_date) 2024-08-01 is before start_date (start_date) 2024-08-05"),
             (CALENDAR_BAD, 4, "'flash_sale' is not a known campaign_type (campaign_type)"),
             (CALENDAR_BAD, 5, "weekday (recurring_weekday) is required when campaign_type (campaign_type) is member"),
             (CALENDAR_BAD, 6, "weekday (recurring_weekday) 'wednesday' is only for rows whose campaign_type"),
             (CALENDAR_BAD, 7, "'someday' is not a known weekday (recurring_weekday)"),
             (CALENDAR_BAD, 8, "'jd' is not a known platform (platform)"),
         )),
    Case("campaign calendar as .xlsx, Chinese headers, a rule running into the future", "staged",
         _campaign_calendar_xlsx, staged=("C-XLSX-1", "C-XLSX-2"), export="manual__campaigns",
         key_column="campaign_id"),
    Case("experiment plan with a window that is not a number", "quarantined", _plans_with_a_bad_window,
         staged=("X-PLAN-1", "X-PLAN-2"), export="manual__experiments", key_column="experiment_id",
         quarantined=(("plans_bad_window.csv", "'两周' is not"),)),
    Case("experiment plans as .xlsx with English headers", "staged", _plans_as_xlsx_in_english,
         staged=("X-XLSX-1",), export="manual__experiments", key_column="experiment_id"),
    Case("assignment list without a variant column", "blocked", _assignments_without_variant,
         message=("generic/experiment_assignments/no_variant.csv", "variant")),
    Case("assignment list with a unit in two variants (staged; the results exclude and count it)", "staged",
         _unit_in_two_variants, staged=("two-a", "two-b"), export="generic__experiment_assignments",
         key_column="variant"),
    Case("assignment dated in the future", "quarantined", _assigned_in_the_future, staged=("X-FUT-1",),
         export="generic__experiment_assignments", key_column="experiment_id",
         quarantined=(("assigned_future.csv", "future date"),)),
    Case("tmall order items in the older layout (no dates, aliases), a quantity in words", "quarantined",
         _tmall_items_older_layout, staged=("T-ITEM-1", "T-ITEM-2"), export="tmall__order_items",
         quarantined=(("items_older_layout.csv", "'两件' is not"),)),
    Case("generic order items with English aliases, a line without its SKU", "quarantined", _generic_items_without_sku,
         staged=("G-ITEM-1",), export="generic__order_items",
         quarantined=(("items_no_sku.csv", "required value is empty"),)),
    Case("tmall service tickets with aliases, a ticket resolved before it was opened", "quarantined",
         _tmall_tickets_with_aliases, staged=("K-TKT-1", "K-TKT-2"), export="tmall__service_tickets",
         key_column="ticket_id", quarantined=(("tickets_aliases.csv", "is before 创建时间 (created_at)"),)),
    Case("generic service tickets with English aliases, a ticket without its category", "quarantined",
         _generic_tickets_without_category, staged=("G-TKT-1", "G-TKT-2"), export="generic__service_tickets",
         key_column="ticket_id", quarantined=(("tickets_no_category.csv", "required value is empty"),)),
    Case("tmall inventory under ERP words without a warehouse, stock in words", "quarantined",
         _tmall_inventory_with_aliases, staged=("INV-T-1", "INV-T-2"), export="tmall__inventory",
         key_column="merchant_code", quarantined=(("inventory_aliases.csv", "'缺货' is not"),)),
    Case("purchase receipts with Chinese headers, one received before it was ordered", "quarantined",
         _receipts_before_their_order, staged=("RCV-SKU-1", "RCV-SKU-3"), export="generic__purchase_receipts",
         key_column="sku_id", quarantined=(("receipts_early.csv", "is before ordered_at (ordered_at)"),)),
    Case("made-in-china product performance under English headers, an inquiry count in words", "quarantined",
         _mic_performance_in_english_with_inquiries_in_words, staged=("MIC-P-1", "MIC-P-2"),
         export="made_in_china__product_performance", key_column="product_id",
         quarantined=(("mic_english.csv", "'三' is not"),)),
    Case("made-in-china product performance with an unknown exposure header", "blocked",
         _mic_performance_with_an_unknown_exposure_header,
         message=("made_in_china/product_performance/mic_unknown_header.csv", "曝光量", "展现次数")),
    Case("made-in-china product list with a listing updated before it was published", "quarantined",
         _mic_listing_updated_before_it_was_published, staged=("MIC-L-1", "MIC-L-2"),
         export="made_in_china__product_list", key_column="product_id",
         quarantined=(("mic_list_early_update.csv", "is before 发布时间 (created_at)"),)),
    Case("file in the wrong folder", "blocked", _wrong_folder,
         message=("tmall/refunds/orders_in_refunds.csv", "退款编号")),
    Case("file in an unknown folder", "blocked", _unknown_folder,
         message=("tmall/order/typo_folder.csv", "not in a known export folder")),
)


def staged_keys(con: duckdb.DuckDBPyConnection, case: Case) -> set[str]:
    rows = con.execute(
        f"select cast({case.key_column} as varchar) from staging.stg_{case.export} "
        f"where cast({case.key_column} as varchar) in (select unnest(?::varchar[]))",
        [list(case.staged)],
    ).fetchall()
    return {r[0] for r in rows}
