"""`python -m assessments screen`: one name, a CSV of names, and bad input (exit 2, message on stderr)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from assessments.__main__ import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["screen", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_one_name_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["NUDT", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["candidates"][0]["name"] == "National University of Defense Technology"
    assert data["outcome"] == "high" and data["disclaimer"]


def test_one_name_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["Tsinghua University"], capsys)
    assert code == 0
    assert "(outcome related," in out and "not a clearance" in out
    assert "as of" in out


def test_threshold_option(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["Nanjing University of Aeronautic and Astronautic", "--json", "--threshold", "0.99"], capsys)
    data = json.loads(out)
    assert data["threshold"] == 0.99 and data["outcome"] == "none"


def test_file_of_names_to_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = tmp_path / "names.csv"
    names.write_text("country,name\nRU,Skoltech\nJP,University of Tokyo\n", encoding="utf-8")
    code, out, _ = run(["--file", str(names)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["query"], r["outcome"]) for r in rows] == [("Skoltech", "prohibited"), ("University of Tokyo", "none")]
    assert "2026-07-11" in rows[0]["lists"]  # the SDN copy of 2026-07-11 replaced that of 2024-05-03
    code, out, _ = run(["--file", str(names), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and [r["outcome"] for r in data["results"]] == ["prohibited", "none"]


def test_file_without_header_uses_the_first_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = tmp_path / "names.csv"
    names.write_text("NUDT,ignored\n", encoding="utf-8")
    code, out, _ = run(["--file", str(names)], capsys)
    assert code == 0 and "NUDT,high" in out


@pytest.mark.parametrize(("argv", "message"), [
    ([], "nothing to screen"),
    (["Skoltech", "--threshold", "0.2"], "--threshold 0.2"),
    (["Skoltech", "--threshold", "1.5"], "between 0.5 and 1.0"),
    (["--file", "/no/such/file.csv"], "cannot read"),
    (["   "], "empty"),
])
def test_bad_input_exits_2_with_a_clear_message(argv: list[str], message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert message in err


def test_bad_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    assert run(["--file", str(empty)], capsys)[2].count("no names found") == 1
    gap = tmp_path / "gap.csv"
    gap.write_text("name,country\nSkoltech,RU\n,CN\n", encoding="utf-8")
    code, _, err = run(["--file", str(gap)], capsys)
    assert code == 2 and "row 3" in err
    binary = tmp_path / "latin.csv"
    binary.write_bytes("Universit\xe9\n".encode("latin-1"))
    code, _, err = run(["--file", str(binary)], capsys)
    assert code == 2 and "UTF-8" in err
