"""tools/screening_coverage.py: which listed universities and defence-industry records lack a native or brand alias."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout

from assessments.screening.dataset import Record
from tools import screening_coverage as cov


def _run(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cov.main(list(args)) == 0
    return out.getvalue()


def test_the_summary_counts_each_set() -> None:
    report = cov.coverage()
    assert set(report) == set(cov.SETS)
    for fig in report.values():
        assert fig["records"] > 0
        assert fig["with_neither"] <= fig["records"] - max(fig["with_native_alias"], fig["with_brand_alias"])
    rows = {r["name"]: r for r in report["us_dod_1286"]["rows"]}
    assert rows["Beihang University"]["native_aliases"]
    assert rows["Beihang University"]["native_script"] == "Chinese characters"
    text = _run("--list", "us_dod_1286")
    assert "us_dod_1286" in text and "us_ofac_sdn" not in text


def test_the_filtered_lists_keep_universities_and_defence_industry_only() -> None:
    rows = cov.coverage(("us_ofac_sdn",))["us_ofac_sdn"]["rows"]
    names = {r["name"] for r in rows}
    assert "Aerospace Industries Organization" in names
    assert "BANK MELLI IRAN" not in names


def test_csv_names_each_record_without_a_native_alias() -> None:
    rows = list(csv.DictReader(io.StringIO(_run("--csv", "--list", "us_dod_1260h"))))
    assert rows and {r["list"] for r in rows} == {"us_dod_1260h"}
    assert all(r["native_script_wanted"] for r in rows)
    data = json.loads(_run("--json", "--list", "us_dod_1260h"))
    missing = [r for r in data["us_dod_1260h"]["rows"] if not r["native_aliases"]]
    assert len(missing) == len(rows)


def test_native_aliases_are_those_in_the_script_of_the_records_country() -> None:
    rec = Record("x", "Example Bank", ("Пример", "بانک نمونه", "Example"), ("IR",), ("us_ofac_sdn",), "")
    assert cov.native_aliases(rec) == ["بانک نمونه"]
    anywhere = Record("y", "Example Institute", ("Пример",), ("DE",), ("us_ofac_sdn",), "")
    assert cov.native_aliases(anywhere) == ["Пример"]


def test_brand_aliases_are_short_names_without_kind_or_legal_form() -> None:
    rec = Record("x", "Hangzhou Example Digital Technology Co., Ltd.", (), ("CN",), ("us_dod_1260h",), "")
    assert cov.is_brand("Exampvision", rec, set())
    assert not cov.is_brand("Example Co., Ltd.", rec, set())
    assert not cov.is_brand("Example University", rec, set())
    assert not cov.is_brand("HEDT", rec, set())
    assert not cov.is_brand("海康", rec, set())
    assert cov.is_brand("HDT Group Brand", rec, {"HDT Group Brand"})
