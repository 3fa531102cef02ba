"""Command line: python -m assessments {questions,schema,assess,screen,sources}.

Exit status (a message on stderr says what and where, never a traceback):
  0  success
  1  the configuration (--config) or the shipped policy is broken
  2  invalid input (the message names the field and the reason), or a shipped
     data file is damaged (the message names the file and the key)
  3  the output could not be written: closed early (a pipe into head), a full
     disk, or an output encoding that cannot show the text (use UTF-8)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any

from . import (
    AnswerError,
    AssessmentsError,
    answer_schema,
    assess,
    default_config,
    load_config,
    load_policy,
    questions,
    sources_report,
)
from .answers_file import read_answers_bytes
from .limits import MAX_ANSWERS_FILE_BYTES
from .screening.dataset import DatasetError


def _say(message: str) -> None:
    """A message on stderr that no input can garble: control characters and lone surrogates as escapes."""
    shown = "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in message)
    print(shown.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


EXIT_OUTPUT = 3
# Write errors that mean the output went nowhere: a full disk or quota, a file too large, a device error.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EPIPE, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _dump(obj: Any) -> None:
    # JSON can say any text in ASCII (\uXXXX): on an output that is not UTF-8 it does, losing nothing.
    utf = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").startswith("utf")
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=not utf)
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


def _output_failed(reason: str) -> int:
    """Say why the output stopped, and send what is still buffered nowhere (Python would otherwise
    try to flush it again at exit and print a traceback of its own)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file behind stdout (tests): nothing to redirect
        pass
    _say(f"error: the output could not be written: {reason}")
    return EXIT_OUTPUT


def _sources(args: argparse.Namespace) -> int:
    if args.due:
        try:
            on = _dt.date.fromisoformat(args.due)
        except ValueError:
            raise AnswerError("--due", "", f"{args.due!r} is not a date", "write --due YYYY-MM-DD") from None
    else:
        on = _dt.date.today()
    rows = sources_report(load_policy(), Path(args.docs), on)
    if args.due:
        rows = sorted((r for r in rows if r["due"]), key=lambda r: (r["verified"] != "unverified", r["next_review"]))
    if args.json:
        _dump(rows)
        return 0
    for r in rows:
        status = "never verified" if r["verified"] == "unverified" else f"review by {r['next_review']}"
        print(f"{r['id']}  [{r['kind']}; checked {r['checked']}, {r['verified']}; {status}]")
        print(f"    {r['title']}")
        if r["url"]:
            print(f"    {r['url']}")
        if args.due:
            print(f"    how checked: {r['how']}")
        used = [*r["used_by"], *(f"page:{p}" for p in r["pages"]), *(f"change:{c}" for c in r["changes"])]
        print(f"    used by: {', '.join(used) if used else '(nothing)'}")
    if args.due:
        print(f"{len(rows)} source(s) due on {on.isoformat()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except BrokenPipeError:
        return _output_failed("the reader closed it early (a pipe into head, for example); nothing is wrong "
                              "with the input")
    except UnicodeEncodeError as exc:
        return _output_failed(f"the output encoding ({exc.encoding}) cannot show {exc.object[exc.start:exc.end]!a}; "
                              "set PYTHONIOENCODING=utf-8 (or a UTF-8 locale) and run it again")
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        return _output_failed(f"{exc.strerror or exc} (free some space or write somewhere else)")
    return code


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assessments", description=__doc__.splitlines()[0],
        epilog="\n".join(__doc__.splitlines()[2:]), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    p_sources = sub.add_parser("sources", help="list every source of the registry with where it is used")
    p_sources.add_argument("--due", metavar="DATE",
                           help="only the sources never verified or past their review interval on DATE (YYYY-MM-DD)")
    p_sources.add_argument("--docs", default="docs", help="the guide's pages, to show which cite each source "
                                                           "(default: ./docs when it exists)")
    p_sources.add_argument("--json", action="store_true", help="print JSON instead of text")
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
        elif args.command == "sources":
            return _sources(args)
        elif args.command == "screen":
            from .screening._cli import run_screen  # noqa: PLC0415 - the lists load only when asked for

            return run_screen(args, config)
    except (AnswerError, DatasetError) as exc:
        _say(f"error: {exc}")
        return 2
    except AssessmentsError as exc:
        _say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
