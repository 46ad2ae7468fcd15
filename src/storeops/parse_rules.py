"""The text rules of the export types, for Python: what "not reported" means, the number and date patterns
and the earliest date accepted. Staging's macros/parsing.sql is the authority on each row; validation
(expectations.py) and the benchmark's pandas peer read these, and pytests/test_parse_rules.py checks them
against the macros."""

from __future__ import annotations

# the text a platform writes for "not reported" (macros/parsing.sql not_reported_markers)
NOT_REPORTED = ("", "-", "--", "—", "——")

# rows dated before this day are rejected unless STOREOPS_EARLIEST_DATE says otherwise (settings.py)
DEFAULT_EARLIEST_DATE = "1990-01-01"

_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
# The text formats of the contract types (contracts/README.md), matched against trimmed text.
TYPE_PATTERNS = {
    "integer": rf"^[+-]?{_NUMBER}(?:\.0+)?$",
    "decimal": rf"^[+-]?{_NUMBER}(?:\.[0-9]+)?$",
    "money": rf"^[+-]?[¥￥]?\s*[+-]?{_NUMBER}(?:\.[0-9]+)?$",
    # a bare number is a fraction only within [-1, 1] ('1.5' is ambiguous: a reject)
    "percent": rf"^[+-]?{_NUMBER}(?:\.[0-9]+)?%$|^[+-]?(?:0+(?:\.[0-9]+)?|0*1(?:\.0+)?)$",
    "date": r"^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?$|^[0-9]{8}$",
    "timestamp": r"^[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)?$"
                 r"|^[0-9]{8}$",
    "epoch_us": r"^[0-9]{16}$",
}

# the formats a date column's day is read with (strptime), for the date-range check
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S",
                "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S")
