"""Snapshot the engine's public contract, to prove a refactor changed no output.

Writes the CLI's ``questions`` and ``schema`` output and the ``assess`` result
(with and without screening) of every golden scenario into OUTDIR, one file
each. Take a snapshot before a refactor and one after, then ``diff -r`` them:
no difference means the refactor moved boundaries, not behaviour.

Usage: .venv/bin/python tools/contract_snapshot.py OUTDIR [--repo DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path


def snapshot(repo: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for command in ("questions", "schema"):
        proc = subprocess.run([sys.executable, "-m", "assessments", command], cwd=repo, capture_output=True,
                              check=True)
        (out / f"cli_{command}.json").write_bytes(proc.stdout)
    count = 2
    for path in sorted((repo / "tests" / "scenarios").glob("*.toml")):
        answers = json.dumps(tomllib.loads(path.read_text(encoding="utf-8"))["answers"]).encode()
        for screening in (True, False):
            args = [sys.executable, "-m", "assessments", "assess", "-", *([] if screening else ["--no-screening"])]
            proc = subprocess.run(args, cwd=repo, input=answers, capture_output=True, check=False)
            suffix = "" if screening else ".noscreen"
            (out / f"{path.stem}{suffix}.json").write_bytes(proc.stdout + proc.stderr)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    print(f"{snapshot(args.repo.resolve(), args.outdir)} files in {args.outdir}")


if __name__ == "__main__":
    main()
