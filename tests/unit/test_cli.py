"""The command line: questions, schema, assess; exit 0 on success, 2 on invalid input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import assessments
from tests.support.paths import ROOT


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assessments", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60, check=False)


def test_questions_prints_the_question_set() -> None:
    proc = _run("questions")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data == assessments.questions()
    first = data[0]
    assert {"id", "text", "type", "options", "help"} <= set(first)
    assert any("ask_if" in q for q in data)


def test_schema_prints_json_schema() -> None:
    proc = _run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == assessments.answer_schema()


def test_assess_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"activities": ["collaboration"], "collaboration_type": "formal",
                                "partner_country": "CN"}), encoding="utf-8")
    proc = _run("assess", str(path), "--no-screening")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["tier"] == "high"
    assert "request_elevated_risk_review" in [a["id"] for a in result["actions"]]
    assert result["policy_version"] == assessments.load_policy().version


def test_assess_stdin() -> None:
    proc = _run("assess", "-", "--no-screening", stdin='{"activities": ["travel"], "travel_countries": ["CU"]}')
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["tier"] == "high"


@pytest.mark.parametrize(("stdin", "needle"), [
    ('{"nope": "yes"}', "nope: unknown question id"),
    ('{"partner_country": 5}', "partner_country: wrong type"),
    ('{"activities": ["collaboration"]}', "collaboration_type: missing required answer"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
])
def test_invalid_input_exits_2_naming_the_field(stdin: str, needle: str) -> None:
    proc = _run("assess", "-", "--no-screening", stdin=stdin)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert proc.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    proc = _run("assess", str(tmp_path / "absent.json"))
    assert proc.returncode == 2 and "cannot read" in proc.stderr


@pytest.mark.parametrize("data", [b'{"activities": ["\xff"]}', '{"a": 1}'.encode("utf-16"), b"[" * 5000])
def test_bad_bytes_exit_2_the_same_from_stdin_and_a_file(data: bytes, tmp_path: Path) -> None:
    """A real process: stdin is read as bytes, like a file, never decoded leniently."""
    path = tmp_path / "answers.json"
    path.write_bytes(data)
    runs = [subprocess.run([sys.executable, "-m", "assessments", "assess", arg, "--no-screening"], cwd=ROOT,
                           input=data, capture_output=True, timeout=60, check=False) for arg in ("-", str(path))]
    for proc in runs:
        assert proc.returncode == 2 and b"Traceback" not in proc.stderr, proc.stderr
    assert runs[0].stderr.replace(b"stdin", b"X") == runs[1].stderr.replace(str(path).encode(), b"X")


def test_sources_lists_every_source_with_where_it_is_used() -> None:
    proc = _run("sources", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)}
    assert rows.keys() == assessments.load_policy().sources.keys()
    assert "rule:comprehensively_sanctioned_dealings" in rows["ofac_560_204"]["used_by"]
    assert "visitors.md" in rows["itar_120_50"]["pages"]
    assert "entry-ban-2025-06" in rows["proclamation_10949"]["changes"]
    unused = [sid for sid, r in rows.items() if not (r["used_by"] or r["pages"] or r["changes"])]
    assert not unused, f"declared but cited nowhere: {unused}"


def test_sources_due_lists_the_never_verified_and_the_overdue() -> None:
    proc = _run("sources", "--due", "2027-03-01")
    assert proc.returncode == 0, proc.stderr
    policy = assessments.load_policy()
    unverified = [s.id for s in policy.sources.values() if s.verified == "unverified"]
    overdue = [s.id for s in policy.sources.values() if s.verified != "unverified"
               and s.next_review().isoformat() <= "2027-03-01"]
    assert unverified and overdue
    listed = [line.split()[0] for line in proc.stdout.splitlines() if line and not line.startswith(" ")][:-1]
    assert sorted(listed) == sorted(unverified + overdue)
    assert listed[: len(unverified)] == [sid for sid in listed if sid in unverified], "never verified first"
    assert "how checked:" in proc.stdout and "used by:" in proc.stdout
    assert proc.stdout.rstrip().endswith(f"{len(listed)} source(s) due on 2027-03-01")
    assert "ear_734_8" not in listed  # read in its own text on 2026-11-22, reviewed yearly


def test_sources_due_rejects_a_bad_date() -> None:
    proc = _run("sources", "--due", "next march")
    assert proc.returncode == 2
    assert "--due" in proc.stderr and "YYYY-MM-DD" in proc.stderr
