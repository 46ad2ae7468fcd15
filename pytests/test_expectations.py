"""Great Expectations suites made from the contracts: what each check catches, and its severity."""

from __future__ import annotations

from datetime import date

from conftest import GENERIC_HEADER, write_export

from storeops.expectations import BLOCKING, MOSTLY_REJECTED, QUARANTINE, WARNING, validate_exports



def orders(prefix: str, count: int, day: str = "2024-01-01", amount: str = "3.5") -> list[list[str]]:
    return [[f"{prefix}{i}", f"c{i}", f"{day} 10:{i % 60:02d}:00", amount] for i in range(count)]


def failures(report, name):
    (found,) = [f for f in report.files if f.path.endswith(name)]
    return {(c.check, c.severity): c for c in found.failures}


def test_row_level_problems_are_named_with_rows_and_the_file_is_not_blocked(exports, monkeypatch):
    monkeypatch.delenv("STOREOPS_EARLIEST_DATE", raising=False)
    write_export(exports, "generic", "orders", "bad.csv", GENERIC_HEADER, [
        ["1", "c1", "2024-01-01 00:00:00", "3.5"],
        ["1", "c2", "2031-01-01 00:00:00", "-4"],
        ["3", "--", "2024-01-05 00:00:00", "abc"],
    ])
    report = validate_exports(exports, today=date(2024, 6, 1))
    found = failures(report, "bad.csv")
    assert not report.blocked
    assert found[("natural key (order_id) unique in the file", QUARANTINE)].failing == 2
    assert found[("required value customer_id (customer_id) not empty", QUARANTINE)].examples == ["row 3: (empty)"]
    assert found[("amount (amount) parses as decimal", QUARANTINE)].examples == ["row 3: 'abc'"]
    assert found[("amount (amount) not negative", QUARANTINE)].examples == ["row 2: -4.0"]
    assert found[("ordered_at between 1990-01-01 and tomorrow", QUARANTINE)].examples == ["row 2: 2031-01-01"]
    lines = "\n".join(report.summary_lines())
    assert "[quarantine] generic/orders/bad.csv: amount (amount) parses as decimal: 1 row(s) failing; e.g. row 3: 'abc'" in lines


def test_missing_required_header_blocks_the_file_and_header_only_warns(exports):
    write_export(exports, "generic", "orders", "no_customer.csv", ["order_id", "ordered_at", "amount"],
                 [["1", "2024-01-01", "2"]])
    write_export(exports, "generic", "orders", "header_only.csv", GENERIC_HEADER, [])
    report = validate_exports(exports)
    assert [f.path for f in report.blocked] == ["generic/orders/no_customer.csv"]
    (blocking,) = failures(report, "no_customer.csv")
    assert blocking[1] == BLOCKING and "customer_id" in blocking[0]
    assert ("at least one data row", WARNING) in failures(report, "header_only.csv")


def test_platform_number_formats_pass_and_rates_out_of_range_only_warn(exports):
    header = ["日期", "推广计划", "宝贝名称", "展现量", "点击量", "点击率", "花费"]
    write_export(exports, "tmall", "zhitongche", "ztc.csv", header, [
        ["2024-01-01", "p", "u1", "1,000", "32", "3.2%", "￥1,234.50"],
        ["2024/01/02", "p", "u1", "1000", "0", "--", "0"],
        ["20240103", "p", "u1", "10", "20", "200%", "5"],
    ], encoding="gbk")
    report = validate_exports(exports, today=date(2024, 6, 1))
    found = failures(report, "ztc.csv")
    assert set(found) == {("点击率 (ctr) rate in [0, 1]", WARNING)}
    assert not report.blocked


def test_data_docs_are_written(exports, tmp_path):
    write_export(exports, "generic", "orders", "ok.csv", GENERIC_HEADER, [["1", "c1", "2024-01-01 00:00:00", "3.5"]])
    report = validate_exports(exports, docs_dir=tmp_path / "docs")
    assert report.data_docs is not None and report.data_docs.is_file()
    assert list((tmp_path / "docs" / "validations").rglob("*.html"))


def test_a_1997_history_passes_the_default_floor_and_a_later_floor_counts_every_row(exports, monkeypatch):
    monkeypatch.delenv("STOREOPS_EARLIEST_DATE", raising=False)
    monkeypatch.delenv("STOREOPS_MAX_REJECT_SHARE", raising=False)
    write_export(exports, "generic", "orders", "orders.csv", GENERIC_HEADER, orders("H", 450, day="1997-01-01"))
    default = validate_exports(exports, today=date(2024, 6, 1))
    assert [f.failures for f in default.files] == [[]], default.summary_lines()

    monkeypatch.setenv("STOREOPS_EARLIEST_DATE", "2000-01-01")
    report = validate_exports(exports, today=date(2024, 6, 1))
    check = "ordered_at between 2000-01-01 and tomorrow"
    found = failures(report, "orders.csv")
    assert found[(check, QUARANTINE)].failing == 450  # Great Expectations lists 200 failing rows at most
    assert found[(check, BLOCKING)].failing == 450 and found[(check, BLOCKING)].blocks == MOSTLY_REJECTED
    lines = report.summary_lines()
    assert ("[quarantine] generic/orders/orders.csv: ordered_at between 2000-01-01 and tomorrow: 450 row(s) failing; "
            "first 3 of 450: row 1: 1997-01-01, row 2: 1997-01-01, row 3: 1997-01-01") in lines
    blocking = [line for line in lines if line.startswith("[blocking]")]
    assert blocking == [
        '[blocking] generic/orders/orders.csv: 450 of 450 rows (100.0 %) fail "ordered_at between 2000-01-01 and '
        'tomorrow", above the 50 % threshold (STOREOPS_MAX_REJECT_SHARE): most likely a mapping problem (a date '
        "format, a column in the wrong place), not bad rows; fix the file or the setting, or run `storeops build "
        "--keep-going` to land it anyway (its rows are kept in raw and quarantine)"
    ]
    assert [f.path for f in report.blocked] == ["generic/orders/orders.csv"] and not report.blocked[0].cannot_land
    assert lines[-1].startswith("validated 1 file(s): 0 clean, 1 blocked (0 cannot be landed, 1 mostly rejected)")

    by_parameter = validate_exports(exports, today=date(2024, 6, 1), earliest_date=date(1997, 1, 1))
    assert [f.failures for f in by_parameter.files] == [[]]  # the parameter wins over the environment


def test_counts_per_file_are_exact_in_a_batch_of_several_files(exports):
    """One batch (both files are far below BATCH_ROWS): the date check fails 300 rows in it, more than the
    200 Great Expectations lists, so each file is counted by a run of its own."""
    write_export(exports, "generic", "orders", "a.csv", GENERIC_HEADER, orders("A", 300, day="1985-06-01"))
    b = orders("B", 400)
    for row in b[100:110]:
        row[3] = "-2"
    write_export(exports, "generic", "orders", "b.csv", GENERIC_HEADER, b)
    report = validate_exports(exports, today=date(2024, 6, 1), earliest_date=date(1990, 1, 1))
    a_found, b_found = failures(report, "a.csv"), failures(report, "b.csv")
    assert a_found[("ordered_at between 1990-01-01 and tomorrow", QUARANTINE)].failing == 300
    assert b_found == {("amount (amount) not negative", QUARANTINE): b_found[("amount (amount) not negative",
                                                                               QUARANTINE)]}
    check = b_found[("amount (amount) not negative", QUARANTINE)]
    assert check.failing == 10 and check.examples == ["row 101: -2.0", "row 102: -2.0", "row 103: -2.0"]
    assert [f.path for f in report.blocked] == ["generic/orders/a.csv"]
    assert ("[quarantine] generic/orders/b.csv: amount (amount) not negative: 10 row(s) failing; "
            "first 3 of 10: row 101: -2.0, row 102: -2.0, row 103: -2.0") in report.summary_lines()


def test_experiment_suites_check_plans_and_assignment_lists(exports):
    """The suites of the two experiment exports: a window that is not a whole number and an uplift that is not a
    rate in a plan; a unit listed twice under one variant and an assignment time that does not parse in a list."""
    plans = ["实验编号", "实验名称", "实验单位", "对照组", "开始日期", "结束日期", "主要指标", "观察窗口天数", "最小可检测提升"]
    write_export(exports, "manual", "experiments", "plans.csv", plans, [
        ["E1", "copy", "访客", "A", "2024-03-01", "2024-03-31", "转化率", "7", "5%"],
        ["E2", "recall", "会员", "holdout", "2024-03-01", "2024-03-01", "复购率", "30天", "150%"],
        ["E3", "price", "访客", "A", "2024-03-01", "2024-03-31", "人均收入", "14", ""],
    ], encoding="utf-8-sig")
    write_export(exports, "generic", "experiment_assignments", "list.csv",
                 ["experiment_id", "member_id", "variant", "assigned_at"], [
                     ["E2", "tb_1", "treatment", "2024-03-01 10:00:00"],
                     ["E2", "tb_1", "treatment", "2024-03-01 10:00:00"],
                     ["E2", "tb_2", "holdout", "yesterday"],
                     ["E2", "tb_3", "holdout", "2024-03-01 10:00:00"],
                 ])
    report = validate_exports(exports, today=date(2024, 6, 1))
    assert not report.blocked
    found = failures(report, "plans.csv")
    assert found[("观察窗口天数 (window_days) parses as integer", QUARANTINE)].examples == ["row 2: '30天'"]
    assert found[("最小可检测提升 (min_detectable_uplift) rate in [0, 1]", WARNING)].failing == 1
    found = failures(report, "list.csv")
    assert found[("natural key (experiment_id, variant, member_id) unique in the file", QUARANTINE)].failing == 2
    assert found[("assigned_at (assigned_at) parses as timestamp", QUARANTINE)].examples == ["row 3: 'yesterday'"]
