"""The command line when things around it fail: the reader of its output goes away, the disk is
full, the output cannot show the text, a shipped data file is damaged, a CSV of names is huge.
Each ends with a message and the exit status `python -m assessments --help` documents, never a
traceback; reading a huge CSV stays within a fixed amount of memory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import assessments
from tests.support.paths import ROOT

EXIT_INPUT, EXIT_OUTPUT = 2, 3


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None,
         **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "assessments", *args], stderr=subprocess.PIPE, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd or ROOT, check=False, **kwargs)


def _no_traceback(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    return err


def test_help_documents_every_exit_status() -> None:
    out = _run(["--help"]).stdout.decode()
    for line in ("0  success", "1  the configuration", "2  invalid input", "3  the output could not be written"):
        assert line in out, out


# An assessment of the example answers prints some 270 kB: more than a pipe holds, so a reader that
# stops early always meets a writer still writing.
LONG_OUTPUT = json.dumps(assessments.example_answers()).encode()


def test_output_closed_early_by_head(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(LONG_OUTPUT)
    proc = subprocess.run(f"{sys.executable} -m assessments assess {answers} | head -c 10", shell=True, cwd=ROOT,
                          capture_output=True, timeout=300, check=False, executable="/bin/bash")
    assert len(proc.stdout) == 10
    err = _no_traceback(proc)
    assert "closed it early" in err, err


def test_output_closed_early_reports_exit_3(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(LONG_OUTPUT)
    with subprocess.Popen([sys.executable, "-m", "assessments", "assess", str(answers)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=300) == EXIT_OUTPUT, err
    assert "Traceback" not in err and "closed it early" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["questions"], ["screen", "Beijing Institute"]])
def test_full_disk(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        proc = _run(args, stdout=full)
    assert proc.returncode == EXIT_OUTPUT
    assert "No space left" in _no_traceback(proc)


@pytest.mark.parametrize("args", [["screen", "Институт прикладной физики"], ["screen", "--json", "北京大学"]])
def test_output_encoding_that_cannot_show_the_name(args: list[str]) -> None:
    proc = _run(args, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == EXIT_OUTPUT
    assert "PYTHONIOENCODING=utf-8" in _no_traceback(proc)


def test_json_output_on_an_ascii_stream_says_everything_in_escapes() -> None:
    proc = _run(["questions"], env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    utf = _run(["questions"])
    assert json.loads(proc.stdout) == json.loads(utf.stdout)


# --- a damaged lists.json ------------------------------------------------------------------------

def _damage(meta: dict[str, Any], key: str, value: Any) -> None:
    *path, last = key.split(".")
    target = meta
    for part in path:
        target = target[part]
    if value is _MISSING:
        del target[last]
    else:
        target[last] = value


_MISSING = object()
DAMAGED = {
    "as_of yesterday": ("lists.us_ofac_sdn.as_of", "yesterday"),
    "as_of missing": ("lists.us_bis_entity_list.as_of", _MISSING),
    "as_of a number": ("lists.us_dod_1286.as_of", 20260101),
    "impossible date": ("lists.us_dod_1286.as_of", "2026-02-30"),
    "published not a date": ("lists.us_ndaa_889.published", "in 2018"),
    "label missing": ("lists.us_bis_meu.label", _MISSING),
    "label empty": ("lists.us_bis_meu.label", " "),
    "url not a URL": ("lists.us_bis_meu.url", "javascript:alert(1)"),
    "unknown outcome": ("lists.us_bis_meu.outcome", "maybe"),
    "record count text": ("lists.us_dhs_uflpa.record_count", "many"),
    "record count negative": ("lists.us_dhs_uflpa.record_count", -1),
    "record count a flag": ("lists.us_dhs_uflpa.record_count", True),
    "statutory not a flag": ("lists.us_ndaa_889.statutory", "yes"),
    "unknown field": ("lists.us_ndaa_889.colour", "red"),
    "records checksum missing": ("records_sha256", _MISSING),
    "records file outside the folder": ("records_file", "../../../etc/passwd"),
    "lists missing": ("lists", _MISSING),
    "lists empty": ("lists", {}),
    "people as_of": ("people.as_of", "soon"),
    "people of no list": ("people.list", "nowhere"),
}


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    shutil.copytree(ROOT / "assessments", folder / "assessments", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


@pytest.mark.parametrize("case", list(DAMAGED))
def test_damaged_list_metadata_exits_2_naming_file_and_key(case: str, package_copy: Path) -> None:
    key, value = DAMAGED[case]
    lists = package_copy / "assessments/data/lists/lists.json"
    original = lists.read_text(encoding="utf-8")
    meta = json.loads(original)
    _damage(meta, key, value)
    lists.write_text(json.dumps(meta), encoding="utf-8")
    try:
        screen = _run(["screen", "Beijing Institute"], cwd=package_copy)
        assess = _run(["assess", "-"], cwd=package_copy, input=json.dumps(assessments.example_answers()).encode())
        # What the build runs (hooks/screening_lists.py stops the build with these problems).
        build = subprocess.run([sys.executable, "-c", "from assessments.screening import dataset;"
                                "print(dataset.dataset_problems())"], cwd=package_copy, capture_output=True,
                               text=True, timeout=120, check=False)
    finally:
        lists.write_text(original, encoding="utf-8")
    expected = f"assessments/data/lists/lists.json: {key}"
    assert screen.returncode == EXIT_INPUT, (case, screen.returncode, screen.stderr)
    assert expected in _no_traceback(screen), (case, screen.stderr)
    # An assessment goes on without screening, and says why (a failed screening is never "no match").
    assert assess.returncode == 0, (case, assess.stderr)
    _no_traceback(assess)
    assert expected in assess.stdout.decode() and "not_screened" in assess.stdout.decode(), case
    assert build.returncode == 0 and expected in build.stdout, (case, build.stdout, build.stderr)


def test_unreadable_list_metadata_exits_2(package_copy: Path) -> None:
    lists = package_copy / "assessments/data/lists/lists.json"
    original = lists.read_bytes()
    lists.write_bytes(b'{"lists": ')
    try:
        proc = _run(["screen", "Beijing Institute"], cwd=package_copy)
    finally:
        lists.write_bytes(original)
    assert proc.returncode == EXIT_INPUT and "lists.json: cannot be read" in _no_traceback(proc)


# --- screen --file: refused while streaming, memory bounded -------------------------------------

HUNDRED_MB = 100 * 1024 * 1024
MEASURE = """
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-m", "assessments", *sys.argv[1:]], capture_output=True)
sys.stderr.buffer.write(proc.stderr)
print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak(args: list[str]) -> tuple[int, float, str]:
    """Exit status, peak resident memory in MB and stderr of the command line run in a subprocess."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)
    code, kilobytes = proc.stdout.split()
    return int(code), int(kilobytes) / 1024, proc.stderr


def _write_rows(handle: Any, size: int, row: bytes = b"Quillon Vexmoor Research Institute\n") -> None:
    block = row * (1024 * 1024 // len(row))
    written = 0
    while written < size:
        handle.write(block)
        written += len(block)


def test_a_100_mb_file_is_refused_by_its_size_in_little_memory(tmp_path: Path) -> None:
    big = tmp_path / "names.csv"
    with big.open("wb") as handle:
        _write_rows(handle, HUNDRED_MB)
    code, peak, err = _peak(["screen", "--file", str(big)])
    assert code == EXIT_INPUT and "bytes, more than" in err and "Traceback" not in err, err
    assert peak < 100, f"{peak:.0f} MB"


def test_a_100_mb_stream_is_refused_while_it_is_read_in_little_memory(tmp_path: Path) -> None:
    """A pipe has no size to look at: the bytes are counted as they arrive."""
    fifo = tmp_path / "names.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with fifo.open("wb") as handle:
                # Wide rows (a name and a long note): the byte limit comes before the row limit.
                _write_rows(handle, HUNDRED_MB, b"Quillon Vexmoor Institute," + b"n" * 400 + b"\n")
        except BrokenPipeError:  # the reader refused the file and went away: what the test wants
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    code, peak, err = _peak(["screen", "--file", str(fifo)])
    writer.join(timeout=60)
    assert code == EXIT_INPUT and "more than 20,000,000 bytes" in err and "Traceback" not in err, err
    assert peak < 100, f"{peak:.0f} MB"


def test_a_single_100_mb_line_is_refused_in_little_memory(tmp_path: Path) -> None:
    big = tmp_path / "line.csv"
    with big.open("wb") as handle:
        handle.write(b"name\n" + b"x" * 15_000_000)
    code, peak, err = _peak(["screen", "--file", str(big)])
    assert code == EXIT_INPUT and "line 2: longer than" in err, err
    assert peak < 100, f"{peak:.0f} MB"


def test_too_many_rows_are_refused_while_reading(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("name\n" + "Ab\n" * 100_001, encoding="utf-8")
    code, peak, err = _peak(["screen", "--file", str(rows)])
    assert code == EXIT_INPUT and "more than 100,000 names" in err, err
    assert peak < 100, f"{peak:.0f} MB"


def test_a_bad_row_late_in_the_file_is_refused_before_any_output(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("name\nAcme Institute\nBeta Institute\n\"\x01\"\n", encoding="utf-8")
    proc = _run(["screen", "--file", str(rows)])
    assert proc.returncode == EXIT_INPUT and proc.stdout == b"", proc.stdout
    assert b"row 4" in proc.stderr


def test_names_from_a_pipe_are_screened_like_names_from_a_file(tmp_path: Path) -> None:
    text = "name\nAcme Institute\nNorthern Polytechnic\n"
    plain = tmp_path / "names.csv"
    plain.write_text(text, encoding="utf-8")
    from_file = _run(["screen", "--file", str(plain), "--format", "json"])
    from_pipe = _run(["screen", "--file", "/dev/stdin", "--format", "json"], input=text.encode())
    assert from_file.returncode == from_pipe.returncode == 0, from_pipe.stderr
    assert json.loads(from_file.stdout) == json.loads(from_pipe.stdout)
    assert [r["query"] for r in json.loads(from_file.stdout)["results"]] == ["Acme Institute", "Northern Polytechnic"]
