"""The office's triage of exported plans: ``python -m assessments assess --batch DIR``.

Every ``*.json`` file in DIR (a saved plan exported from the page, or the page's
"Download answers and result" file) is re-assessed under today's policy and
lists and compared with the result it records (:mod:`assessments.watch`). One
CSV row per file: the file, the tier then and now, the reasons that changed,
the list matches (new ones marked), the policy version and list dates then, and
an error for a file that could not be read (the other files still get their
rows). Cells are safe to open in a spreadsheet: one that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'`` so it is
shown as text, never run as a formula.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import IO, Any

from ._errors import AnswerError, AssessmentsError
from .answers_file import read_answers_bytes
from .config import Config
from .limits import MAX_ANSWERS_FILE_BYTES
from .watch import assess_as_page, compare, record, record_from_export

COLUMNS = ("file", "tier_then", "tier_now", "changed", "changed_reasons", "matches", "policy_then",
           "lists_then", "changes", "error")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_BATCH_FILES = 10_000


def safe_cell(value: Any) -> str:
    """Text a spreadsheet shows as it is: a leading formula character gets a ``'`` before it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def batch_row(path: Path, config: Config) -> dict[str, str]:
    """One file's row (an ``error`` cell, never an exception, for a file that cannot be read or assessed)."""
    row = {column: "" for column in COLUMNS}
    row["file"] = path.name
    try:
        with path.open("rb") as handle:
            data = read_answers_bytes(handle.read(MAX_ANSWERS_FILE_BYTES + 1), path.name)
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            raise AnswerError(path.name, "answers", "no answers object", "export the plan again from the page")
        before = record_from_export(data, config, path.name)
        now = record(assess_as_page(data["answers"], config), config)
    except (AssessmentsError, OSError) as exc:
        row["error"] = str(exc)[:500]
        return row
    row["tier_now"] = now["tier"] or "incomplete"
    row["matches"] = "; ".join(f"{m['name']}: {m['label']} as of {m['as_of']}" for m in now["matches"])
    if before is None:
        row["tier_then"] = "not recorded"
        row["changes"] = "The file records no earlier result: only today's is shown."
        return row
    diff = compare(before, now)
    row["tier_then"] = before["tier"] or "incomplete"
    row["changed"] = "yes" if diff["changed"] else "no"
    row["changed_reasons"] = "; ".join([*(f"added: {r['title']}" for r in diff["reasons_added"]),
                                        *(f"gone: {r['title']}" for r in diff["reasons_gone"])])
    new = {(m["name"], m["list"]) for m in diff["matches_added"]}
    row["matches"] = "; ".join(("NEW " if (m["name"], m["list"]) in new else "") + f"{m['name']}: {m['label']} as of "
                               f"{m['as_of']}" for m in now["matches"])
    row["policy_then"] = before["policy_version"]
    row["lists_then"] = "; ".join(f"{lid} {as_of}" for lid, as_of in sorted(before["lists"].items()))
    row["changes"] = " ".join(diff["lines"])
    return row


def run_batch(folder: str, config: Config, out: IO[str] | None = None) -> int:
    """Write the CSV for every ``*.json`` in ``folder`` to ``out`` (stdout); returns how many rows had an error."""
    where = Path(folder)
    if not where.is_dir():
        raise AnswerError(folder, "", "is not a folder", "pass a folder of exported plans (*.json)")
    files = sorted(p for p in where.iterdir() if p.suffix.lower() == ".json" and p.is_file())[:MAX_BATCH_FILES]
    writer = csv.writer(out or sys.stdout, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    errors = 0
    for path in files:
        row = batch_row(path, config)
        errors += bool(row["error"])
        writer.writerow([safe_cell(row[column]) for column in COLUMNS])
    return errors
