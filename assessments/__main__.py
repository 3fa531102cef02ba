"""Command line: python -m assessments {questions,schema,assess,screen}.

Exit status: 0 on success, 2 on invalid input (the message on stderr names the
field and the reason), 1 on an internal policy or configuration error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import AnswerError, AssessmentsError, answer_schema, assess, default_config, load_config, questions


def _dump(obj: Any) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _read_answers(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AnswerError(path, "", f"cannot read ({exc.strerror})", "pass an existing file or - for stdin") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswerError(path, "", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                          "fix the JSON syntax") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assessments", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="institution configuration TOML (default: the built-in example)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("questions", help="print the question set as JSON")
    sub.add_parser("schema", help="print the JSON Schema of an answers object")
    p_assess = sub.add_parser("assess", help="assess an answers JSON file (- for stdin)")
    p_assess.add_argument("file")
    p_assess.add_argument("--no-screening", action="store_true", help="skip partner-name screening")
    p_screen = sub.add_parser("screen", help="screen names against restricted-party lists")
    p_screen.add_argument("name", nargs="?", help="a name to screen")
    p_screen.add_argument("--file", help="CSV of names (first column, or a column named 'name')")
    p_screen.add_argument("--threshold", type=float, help="match threshold in [0.5, 1] (default from config)")
    p_screen.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_screen.add_argument("--format", choices=["csv", "json"], default="csv", help="output format with --file")
    args = parser.parse_args(argv)

    try:
        config = load_config(args.config) if args.config else default_config()
        if args.command == "questions":
            _dump(questions())
        elif args.command == "schema":
            _dump(answer_schema())
        elif args.command == "assess":
            _dump(assess(_read_answers(args.file), config=config, screening=not args.no_screening))
        elif args.command == "screen":
            from .screening._cli import run_screen  # noqa: PLC0415 - the lists load only when asked for

            return run_screen(args, config)
    except AnswerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except AssessmentsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
