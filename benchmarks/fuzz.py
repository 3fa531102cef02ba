"""Throw generated hostile inputs at the command line, the answers reader and the configuration loader.

    .venv/bin/python benchmarks/fuzz.py [--seed 16] [--count 12000]

A seeded generator (the same seed gives the same inputs) mutates valid inputs
and builds malformed ones: wrong encodings, invalid bytes, deep nesting, huge
numbers, duplicate keys, control characters, markup, formula prefixes. Each
input goes to one entry point:

- ``python -m assessments assess FILE`` and ``assess -`` (stdin), in process,
  with stdout and stderr as strict UTF-8 streams as on a terminal;
- ``assessments.answers_file.read_answers_bytes`` (what any importer uses);
- ``assessments.config.parse_config`` (the build and ``--config``);
- ``python -m assessments screen --file CSV``.

It prints the count of each outcome per entry point. An expected outcome is
exit 0 (with valid JSON or CSV on stdout) or exit 2 (a message on stderr and
nothing on stdout); for the library functions, a result or the documented
error. Anything else (an exception escaping, exit 1, exit 2 without a
message) is "uncaught" and makes the script exit 1.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import contextlib
import csv
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import assessments
from assessments.__main__ import main
from assessments.answers_file import read_answers_bytes
from assessments.config import parse_config

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = assessments.questions()
QIDS = [q["id"] for q in QUESTIONS]
HOSTILE_TEXT = [
    "<script>alert(1)</script>", "</title><script>alert(3)</script>", '" onclick="alert(5)', "'; DROP TABLE x;--",
    "=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1", "\t=1", "\r=1", "\x1b[2J\x1b]0;x\x07",
    "\u202eevil", "\ue000\uf8ff", "\ud800", "\udfff", "\u0000", "\x85\x9b", "\u200d", "\ufeff",
    "\U0001d518\U0001d52b\U0001d526", "ﷺ",
    "A" * 400, "国防科技大学", "NUDT", "Tsinghua University", "{{ 7*7 }}", "${7*7}", "%s%n", "\\", "\n\n",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]


class Uncaught(Exception):
    """An outcome that is not one of the expected ones."""


# --- generators ----------------------------------------------------------------

def _text(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.4:
        return rng.choice(HOSTILE_TEXT)
    if pick < 0.7:
        return "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0, 0x110000)]))
                       for _ in range(rng.randrange(0, 12)))
    return rng.choice(HOSTILE_TEXT) + rng.choice(HOSTILE_TEXT)


def _value(rng: random.Random, depth: int = 0) -> object:
    pick = rng.random()
    if depth > 3 or pick < 0.3:
        return _text(rng)
    if pick < 0.4:
        return rng.choice([None, True, False, 0, -1, 1.5, 10**30, 1e308, -0.0])
    if pick < 0.6:
        q = rng.choice(QUESTIONS)
        options = [o["value"] for o in q.get("options") or []] or ["CN", "RU", "FR", "yes", "no", "unsure"]
        return rng.choice([rng.choice(options), rng.sample(options, k=min(len(options), rng.randrange(0, 4)))])
    if pick < 0.8:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(0, 5))]
    return {_text(rng)[:20]: _value(rng, depth + 1) for _ in range(rng.randrange(0, 4))}


def _answers_json(rng: random.Random) -> str:
    answers = {}
    for _ in range(rng.randrange(0, 8)):
        key = rng.choice(QIDS) if rng.random() < 0.8 else _text(rng)[:30]
        answers[key] = _value(rng)
    if rng.random() < 0.3:
        answers.update(assessments.example_answers() if hasattr(assessments, "example_answers") else {})
    text = json.dumps(answers, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.15 and len(text) > 2:  # a duplicate key
        key = rng.choice(QIDS)
        text = text[:-1] + ("," if len(text) > 2 else "") + f'"{key}": 1, "{key}": "x"}}'
    return text


def _mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        op = rng.random()
        pos = rng.randrange(0, len(data) + 1)
        if op < 0.3 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op < 0.6:
            data[pos:pos] = rng.choice([b"[", b"{", b"]", b"}", b'"', b",", b":", b"\\", b"\\u", b"\\ud800", b"\xff",
                                        b"\xc3", b"\x00", b"1e999", b"9" * rng.randrange(1, 6000), b"NaN", b"-"])
        elif data:
            del data[pos:pos + rng.randrange(1, 8)]
    return bytes(data)


def answers_bytes(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.08:
        depth = rng.randrange(20, 5000)
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        return (opener * depth + "1" + closer * depth).encode()
    if kind < 0.14:
        return (b'{"partner_country": ' + b"9" * rng.randrange(50, 6000) + b"}")
    text = _answers_json(rng)
    if kind < 0.3:
        encoding = rng.choice(ENCODINGS)
        return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    data = text.encode("utf-8", "surrogatepass")
    if kind < 0.75:
        data = _mutate(rng, data)
    if rng.random() < 0.05:
        data = codecs.BOM_UTF8 + data
    return data


def config_text(rng: random.Random, base: str) -> str:
    lines = base.splitlines()
    for _ in range(rng.randrange(1, 4)):
        i = rng.randrange(len(lines))
        line = lines[i]
        if "=" in line and not line.startswith("#"):
            key = line.split("=", 1)[0].strip()
            value = rng.choice([
                json.dumps(_text(rng), ensure_ascii=True).replace("\\ud", "\\uf"),  # TOML has no surrogates
                "2026-11-22 10:00:00", "10:00:00", "1979-05-27T07:32:00Z", "nan", "inf", "-1", "0", "1e400",
                "[" * rng.randrange(1, 600) + "]" * rng.randrange(1, 600),
                '"' + "A" * rng.randrange(1, 2_000_000) + '"',
                '"http://forms.example.edu/x"', '"javascript:alert(1)"', "true", "[]", "{}",
                '"+1\\" onclick=\\"alert(5)"', '"</title><script>alert(3)</script>"',
            ])
            lines[i] = f"{key} = {value}"
        elif line.startswith("["):
            lines[i] = rng.choice(['[contacts."x<script>"]', '[forms."a\\" b"]', "[[contacts]]", "[institution]",
                                   '[contacts."\\u202e"]', "[forms.x]", line + line])
        else:
            lines[i] = _text(rng).replace("\x00", "")
    return "\n".join(lines)


def csv_bytes(rng: random.Random) -> bytes:
    rows = [[_text(rng) for _ in range(rng.randrange(1, 3))] for _ in range(rng.randrange(0, 4))]
    if rng.random() < 0.3:
        rows.insert(0, ["name"])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    data = out.getvalue().encode("utf-8", "surrogatepass")
    return _mutate(rng, data) if rng.random() < 0.3 else data


# --- runners -------------------------------------------------------------------

@contextlib.contextmanager
def _streams(stdin: bytes = b"") -> Iterator[list[str]]:
    """stdin from bytes; stdout and stderr as strict UTF-8 streams (their text lands in the yielded list)."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="strict", write_through=True)
    captured: list[str] = []
    try:
        yield captured
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        captured += [out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")]
        sys.stdin, sys.stdout, sys.stderr = saved


def _cli(argv: list[str], stdin: bytes = b"", parse: Callable[[str], object] = json.loads) -> str:
    with _streams(stdin) as captured:
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code
    stdout, stderr = captured
    if code == 0:
        parse(stdout)
        return "exit 0"
    if code == 2 and stderr.startswith("error: ") and not stdout:
        return "exit 2"
    raise Uncaught(f"exit {code}: {stderr[:300]!r}")


def run_assess(rng: random.Random, tmp: Path) -> str:
    data = answers_bytes(rng)
    flags = ["--no-screening"] if rng.random() < 0.7 else []
    if rng.random() < 0.5:
        path = tmp / "answers.json"
        path.write_bytes(data)
        return _cli(["assess", str(path), *flags])
    return _cli(["assess", "-", *flags], stdin=data)


def run_reader(rng: random.Random, tmp: Path) -> str:
    try:
        read_answers_bytes(answers_bytes(rng))
    except assessments.AnswerError:
        return "AnswerError"
    return "parsed"


def run_config(rng: random.Random, tmp: Path, base: str = (ROOT / "institution.toml").read_text("utf-8")) -> str:
    try:
        config = parse_config(config_text(rng, base), "fuzz.toml")
    except assessments.ConfigError:
        return "ConfigError"
    return "loaded with warnings" if config.warnings else "loaded"


def run_screen(rng: random.Random, tmp: Path) -> str:
    path = tmp / "names.csv"
    path.write_bytes(csv_bytes(rng))
    fmt = rng.choice([["--format", "csv"], ["--format", "json"], ["--json"]])

    def check_csv(text: str) -> None:
        for row in list(csv.reader(io.StringIO(text)))[1:]:
            if any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row):
                raise Uncaught(f"formula cell in {row!r}")

    return _cli(["screen", "--file", str(path), *fmt], parse=check_csv if fmt[1:] == ["csv"] else json.loads)


TARGETS: dict[str, tuple[Callable[[random.Random, Path], str], float]] = {
    "cli assess (file and stdin)": (run_assess, 0.40),
    "answers reader": (run_reader, 0.20),
    "configuration loader": (run_config, 0.25),
    "cli screen --file": (run_screen, 0.15),
}


def main_fuzz() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--count", type=int, default=12_000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: dict[str, collections.Counter[str]] = {name: collections.Counter() for name in TARGETS}
    failures: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (run, share) in TARGETS.items():
            for i in range(round(args.count * share)):
                try:
                    outcome = run(rng, Path(tmp))
                except Exception as exc:  # counting what escapes is the point
                    outcome = f"uncaught {type(exc).__name__}"
                    if len(failures) < 20:
                        failures.append(f"{name} #{i}: {type(exc).__name__}: {str(exc)[:200]}")
                counts[name][outcome] += 1
    total = sum(sum(c.values()) for c in counts.values())
    uncaught = sum(n for c in counts.values() for k, n in c.items() if k.startswith("uncaught"))
    print(f"fuzz: {total:,} inputs, seed {args.seed}, {time.perf_counter() - started:.1f} s")
    for name, counter in counts.items():
        print(f"  {name}: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counter.items())))
    print(f"uncaught errors: {uncaught}")
    for line in failures:
        print("  " + line)
    return 1 if uncaught else 0


if __name__ == "__main__":
    sys.exit(main_fuzz())
