"""Landing: every row of every file as text, once per content, PII hashed, clear errors."""

from __future__ import annotations

from conftest import write_export

from storeops.contracts import get_contract, load_contracts
from storeops.landing import land

# values for the first 20 contract headers of the Tmall order export, in order
ORDER = [
    "5118610000000000001", "tb_alice", "alice@example.com", "P1", "1,230.50", "4.00",
    "1,234.50", "1,234.50", "交易成功", "", "张三", "浙江省 杭州市 西湖区 文三路138号",
    "快递", "0571-88888888", "13812345678", "2024-01-01 10:00:00", "2024-01-01 10:05:00",
    "保温杯", "1", "SF123",
]


def tmall_row(order_id: str, paid: str = "1,234.50") -> list[str]:
    row = list(ORDER)
    row[0], row[6], row[7] = order_id, paid, paid
    return row


def test_gbk_export_with_spaced_headers_lands_with_pii_hashed(exports, raw_db, tmall_orders_header):
    write_export(exports, "tmall", "orders", "2024-01.csv", tmall_orders_header,
                 [tmall_row("5118610000000000001"), tmall_row("5118610000000000002")], encoding="gbk")
    con = raw_db()
    report = land(con, exports, salt="s1")
    assert report.count("landed") == 1 and not report.problems
    rows = con.execute(
        'select "订单编号", "总金额", "订单付款时间", "收货地址", "联系手机", "买家会员名", _row_number, _file_path '
        "from raw.tmall__orders order by _row_number"
    ).fetchall()
    assert [r[0] for r in rows] == ["5118610000000000001", "5118610000000000002"]
    assert rows[0][1] == "1,234.50" and rows[0][2] == "2024-01-01 10:05:00"
    assert [r[6] for r in rows] == [1, 2] and rows[0][7] == "tmall/orders/2024-01.csv"
    for clear in ("浙江省 杭州市 西湖区 文三路138号", "13812345678", "tb_alice"):
        assert clear not in {v for r in rows for v in r}
    assert len(rows[0][3]) == 64 and rows[0][3] == rows[1][3]  # same address, same hash: joins still work
    assert con.execute("select encoding from raw._files").fetchone()[0] == "gb18030"


def test_same_value_hashes_differently_under_another_salt(exports, raw_db, tmall_orders_header, tmp_path):
    write_export(exports, "tmall", "orders", "a.csv", tmall_orders_header, [tmall_row("1")], encoding="gbk")
    con = raw_db()
    land(con, exports, salt="s1")
    from storeops.db import connect

    other = connect(tmp_path / "other.duckdb")
    land(other, exports, salt="s2")
    q = 'select "买家会员名" from raw.tmall__orders'
    assert con.execute(q).fetchone()[0] != other.execute(q).fetchone()[0]


def test_utf8_resave_of_a_gbk_export_lands_the_same_text(tmp_path, raw_db, tmall_orders_header):
    values = []
    for i, (encoding, newline) in enumerate([("gbk", "\r\n"), ("utf-8-sig", "\r\n"), ("utf-8", "\n")]):
        root = tmp_path / f"ex{i}"
        write_export(root, "tmall", "orders", "a.csv", tmall_orders_header, [tmall_row("7")],
                     encoding=encoding, newline=newline)
        from storeops.db import connect

        con = connect(tmp_path / f"w{i}.duckdb")
        land(con, root, salt="s")
        values.append(con.execute('select * exclude (_file_hash, _loaded_at) from raw.tmall__orders').fetchall())
    assert values[0] == values[1] == values[2]


def test_landing_is_idempotent_by_content(exports, raw_db, tmall_orders_header):
    path = write_export(exports, "tmall", "orders", "a.csv", tmall_orders_header, [tmall_row("1")], encoding="gbk")
    con = raw_db()
    land(con, exports, salt="s")
    again = land(con, exports, salt="s")
    assert again.count("landed") == 0 and again.count("already_landed") == 1
    (exports / "tmall" / "orders" / "copy of a.csv").write_bytes(path.read_bytes())
    third = land(con, exports, salt="s")
    assert third.count("landed") == 0 and third.count("already_landed") == 2
    assert con.execute("select count(*) from raw.tmall__orders").fetchone()[0] == 1
    assert con.execute("select count(*) from raw._files").fetchone()[0] == 1


def test_overlapping_newer_export_is_landed_with_a_later_sequence(exports, raw_db, tmall_orders_header):
    write_export(exports, "tmall", "orders", "jan.csv", tmall_orders_header,
                 [tmall_row("1", "10.00"), tmall_row("2")], encoding="gbk")
    con = raw_db()
    land(con, exports, salt="s")
    write_export(exports, "tmall", "orders", "jan-redownload.csv", tmall_orders_header,
                 [tmall_row("2"), tmall_row("1", "12.00"), tmall_row("3")], encoding="gbk")
    report = land(con, exports, salt="s")
    assert report.count("landed") == 1
    rows = con.execute(
        'select "订单编号", "总金额", _file_seq from raw.tmall__orders where "订单编号" = \'1\' order by _file_seq'
    ).fetchall()
    assert rows == [("1", "10.00", 1), ("1", "12.00", 2)]


def test_missing_required_column_rejects_the_file_with_a_clear_message(exports, raw_db):
    header = ["订单编号", "总金额", "订单创建时间", "订单付款时间"]  # no 买家实际支付金额
    write_export(exports, "tmall", "orders", "partial.csv", header, [["1", "5", "2024-01-01", ""]], encoding="gbk")
    con = raw_db()
    report = land(con, exports, salt="s")
    assert report.count("rejected") == 1
    message = report.problems[0].message
    assert "tmall/orders/partial.csv" in message and "买家实际支付金额" in message and "paid_amount" in message
    assert "买家实付金额" in message  # the accepted alternative spelling is named too
    assert con.execute("select count(*) from raw.tmall__orders").fetchone()[0] == 0


def test_alias_headers_optional_absent_and_extras_kept(exports, raw_db):
    header = ["订单编号", "总金额", "买家实付金额", "订单创建时间", "订单付款时间", "商品标题", "平台新增列"]
    write_export(exports, "tmall", "orders", "new.csv", header,
                 [["9", "5.00", "5.00", "2024-01-01 00:00:00", "", "杯子", "x"]])
    con = raw_db()
    land(con, exports, salt="s")
    row = con.execute('select "买家实际支付金额", "宝贝标题", "物流单号", _extra from raw.tmall__orders').fetchone()
    assert row == ("5.00", "杯子", None, '{"平台新增列":"x"}')
    missing = con.execute("select missing_optional from raw._files").fetchone()[0]
    assert "物流单号" in missing


def test_title_lines_above_the_header_are_skipped(exports, raw_db):
    c = get_contract("tmall", "sycm_shop_daily")
    write_export(exports, "tmall", "sycm_shop_daily", "shop.csv", c.headers,
                 [["2024-01-01", "100", "300", "80", "20", "12", "10", "11", "1,000.00", "10.00%", "100.00", "0"]],
                 encoding="gbk", preamble=["生意参谋 店铺整体", "统计时间 2024-01-01 ~ 2024-01-01", "", ""])
    con = raw_db()
    land(con, exports, salt="s")
    assert con.execute('select "统计日期", "访客数", _row_number from raw.tmall__sycm_shop_daily').fetchall() == [
        ("2024-01-01", "100", 1)
    ]


def test_no_files_gives_every_raw_table_empty_and_strays_are_named(exports, raw_db):
    (exports / "tmall" / "wrong_report").mkdir(parents=True)
    (exports / "tmall" / "wrong_report" / "x.csv").write_text("a,b\n1,2\n")
    con = raw_db()
    report = land(con, exports, salt="s")
    assert report.count("ignored") == 1
    assert "tmall/wrong_report/x.csv" in report.problems[0].message
    assert "tmall/orders" in report.problems[0].message  # says where files belong
    for contract in load_contracts():
        assert con.execute(f"select count(*) from raw.{contract.key}").fetchone()[0] == 0


def test_row_numbers_follow_the_file_even_when_insertion_order_is_off(exports, raw_db):
    rows = [[f"G{i:06d}", "c", "2024-01-01 00:00:00", str(i)] for i in range(1, 300_001)]
    write_export(exports, "generic", "orders", "big.csv", ["order_id", "customer_id", "ordered_at", "amount"], rows)
    con = raw_db()
    con.execute("set threads = 2")
    con.execute("set preserve_insertion_order = false")  # as the dbt profile sets it
    land(con, exports, salt="s")
    mismatched = con.execute(
        "select count(*) from raw.generic__orders where cast(amount as bigint) <> _row_number"
    ).fetchone()[0]
    assert mismatched == 0
    assert con.execute("select current_setting('preserve_insertion_order')").fetchone()[0] is False


def test_gbk_file_is_read_through_one_utf8_copy_that_landing_removes(exports, raw_db, tmall_orders_header, tmp_path):
    import hashlib
    import json

    from storeops.expectations import validate_exports

    path = write_export(exports, "tmall", "orders", "2024-01.csv", tmall_orders_header,
                        [tmall_row("1"), tmall_row("2")], encoding="gbk")
    cache = tmp_path / "transcoded"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    report = validate_exports(exports, cache_dir=cache)
    assert not report.blocked
    copy = cache / f"{digest}.csv"
    assert copy.read_bytes().decode("utf-8") == path.read_bytes().decode("gbk")  # same text, CRLF kept
    (scan,) = json.loads((cache / "files.json").read_text(encoding="utf-8")).values()
    assert scan["sha256"] == digest and scan["encoding"] == "gb18030"
    con = raw_db()
    assert land(con, exports, salt="s", cache_dir=cache).count("landed") == 1
    assert not cache.exists()  # copies removed once landed, scans with them
    assert con.execute("select distinct file_hash, encoding from raw._files").fetchall() == [(digest, "gb18030")]
    assert con.execute("select distinct _file_hash from raw.tmall__orders").fetchall() == [(digest,)]


def test_a_scan_is_reused_only_while_the_file_is_unchanged(exports, tmp_path):
    from storeops.discovery import FileCache

    path = write_export(exports, "generic", "orders", "a.csv", ["order_id"], [["1"]])
    cache = FileCache(tmp_path / "transcoded")
    first = cache.scan(path)
    assert cache.scan(path) is first
    path.write_text("order_id\n2\n3\n", encoding="utf-8")
    assert cache.scan(path).sha256 != first.sha256


def test_no_module_imports_another_modules_private_names():
    """Landing, discovery and the reader share public functions only (issue 13: Python parts with one job each)."""
    import ast
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    offending = []
    for folder in ("src", "bench", "pytests", "models"):
        for path in (repo / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom):
                    offending += [f"{path.relative_to(repo)}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert offending == []


def test_landing_from_another_folder_drops_that_folders_validation_results(tmp_path, raw_db):
    """raw starts afresh from a new exports folder, and the failing validations of the old folder's files go
    with their rows (staging reads raw._validation_results as it is)."""
    first, second = tmp_path / "first", tmp_path / "second"
    header = ["order_id", "customer_id", "ordered_at", "amount"]
    write_export(first, "generic", "orders", "a.csv", header, [["A1", "c1", "2024-01-02 10:00:00", "5"]])
    write_export(second, "generic", "orders", "b.csv", header, [["B1", "c2", "2024-01-03 10:00:00", "6"]])
    con = raw_db()
    land(con, first, salt="s1")
    for root in (first, second):
        con.execute("insert into raw._validation_results (exports_root, file_path, check_name) values (?, ?, ?)",
                    [str(root.resolve()), "generic/orders/x.csv", "a failing check"])
    land(con, second, salt="s1")
    roots = [r[0] for r in con.execute("select exports_root from raw._validation_results").fetchall()]
    assert roots == [str(second.resolve())]
    assert con.execute("select file_path from raw._files").fetchall() == [("generic/orders/b.csv",)]
