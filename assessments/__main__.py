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
from .answers_file import read_answers_bytes
from .limits import MAX_ANSWERS_FILE_BYTES


def _say(message: str) -> None:
    """A message on stderr that no input can garble: control characters and lone surrogates as escapes."""
    shown = "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in message)
    print(shown.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


def _dump(obj: Any) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _read_answers(path: str) -> Any:
    """The same strict reader for a file and for stdin: bytes, UTF-8 only (assessments.answers_file)."""
    source = "stdin" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_ANSWERS_FILE_BYTES + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_ANSWERS_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        raise AnswerError(path, "", f"cannot read ({reason})", "pass an existing file or - for stdin") from None
    return read_answers_bytes(data, source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assessments", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="institution configuration TOML (default: the built-in example)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("questions", help="print the question set as JSON")
    sub.add_parser("schema", help="print the JSON Schema of an answers object")
    p_assess = sub.add_parser("assess", help="assess an answers JSON file (- for stdin)")
    p_assess.add_argument("file", nargs="?")
    p_assess.add_argument("--batch", metavar="DIR",
                          help="re-assess every exported plan (*.json) in DIR under today's policy and lists; "
                               "one CSV row per plan on stdout (tier then and now, changed reasons, matches)")
    p_assess.add_argument("--no-screening", action="store_true", help="skip partner-name screening")
    p_screen = sub.add_parser("screen", help="screen names against restricted-party lists")
    p_screen.add_argument("name", nargs="?", help="a name to screen")
    p_screen.add_argument("--file", help="CSV of names (first column, or a column named 'name')")
    p_screen.add_argument("--person", metavar="NAME",
                          help="screen a person's name against the individuals on the OFAC SDN list "
                               "(needs [screening] screen_people = true in the configuration)")
    p_screen.add_argument("--threshold", type=float, help="match threshold in [0.5, 1] (default from config)")
    p_screen.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_screen.add_argument("--format", choices=["csv", "json"], default="csv", help="output format with --file")
    args = parser.parse_args(argv)

    try:
        config = load_config(args.config) if args.config else default_config()
        for warning in config.warnings:
            _say(f"warning: {config.source}: {warning}")
        if args.command == "questions":
            _dump(questions())
        elif args.command == "schema":
            _dump(answer_schema())
        elif args.command == "assess" and args.batch:
            from .watch_batch import run_batch  # noqa: PLC0415 - csv loads only when asked for

            return 2 if run_batch(args.batch, config) else 0
        elif args.command == "assess":
            if not args.file:
                raise AnswerError("assess", "file", "missing", "pass an answers file, - for stdin, or --batch DIR")
            _dump(assess(_read_answers(args.file), config=config, screening=not args.no_screening))
        elif args.command == "screen":
            from .screening._cli import run_screen  # noqa: PLC0415 - the lists load only when asked for

            return run_screen(args, config)
    except AnswerError as exc:
        _say(f"error: {exc}")
        return 2
    except AssessmentsError as exc:
        _say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
