"""Great Expectations suites made from the contracts: what each check catches, and its severity."""

from __future__ import annotations

from datetime import date

from conftest import write_export

from storeops.expectations import BLOCKING, QUARANTINE, WARNING, validate_exports

GENERIC = ["order_id", "customer_id", "ordered_at", "amount"]


def failures(report, name):
    (found,) = [f for f in report.files if f.path.endswith(name)]
    return {(c.check, c.severity): c for c in found.failures}


def test_row_level_problems_are_named_with_rows_and_the_file_is_not_blocked(exports):
    write_export(exports, "generic", "orders", "bad.csv", GENERIC, [
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
    assert found[("ordered_at between 2000-01-01 and tomorrow", QUARANTINE)].examples == ["row 2: 2031-01-01"]
    lines = "\n".join(report.summary_lines())
    assert "[quarantine] generic/orders/bad.csv: amount (amount) parses as decimal: 1 row(s) failing; e.g. row 3: 'abc'" in lines


def test_missing_required_header_blocks_the_file_and_header_only_warns(exports):
    write_export(exports, "generic", "orders", "no_customer.csv", ["order_id", "ordered_at", "amount"],
                 [["1", "2024-01-01", "2"]])
    write_export(exports, "generic", "orders", "header_only.csv", GENERIC, [])
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
    write_export(exports, "generic", "orders", "ok.csv", GENERIC, [["1", "c1", "2024-01-01 00:00:00", "3.5"]])
    report = validate_exports(exports, docs_dir=tmp_path / "docs")
    assert report.data_docs is not None and report.data_docs.is_file()
    assert list((tmp_path / "docs" / "validations").rglob("*.html"))
