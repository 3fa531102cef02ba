"""The engine's request dispatcher: JSON text in, JSON text out.

The one entry point for every caller that talks to the engine by message: the
browser's Web Worker (site_src/engine-worker.mjs), the Pyodide test driver
(tests/pyodide/driver.py) and the build's standard-library trace
(hooks/pyodide/trace.py, which sends every operation in :data:`OPS`).

Call :func:`init` once with the site's configuration, then :func:`handle` for
every request ``{"op": NAME, "payload": ...}``. :func:`init` builds the
screening index, so that the first result with partner names waits for
nothing once the worker says "ready"; :func:`warm_step` builds, one piece per
call, what the index otherwise builds on first use. Replies are
``{"ok": true, "result": ...}`` or ``{"ok": false, "error": {where, key,
reason, fix}}``: errors never escape as exceptions.
"""

from __future__ import annotations

import base64
import binascii
import gc
import json
from collections.abc import Callable
from typing import Any

from . import prefill, watch
from ._engine import assess, plan_markdown, validate_answers
from ._errors import AnswerError, AssessmentsError
from ._legacy import migrate, replaced
from ._policy import answer_schema, load_policy, questions
from .answers_file import read_answers_bytes
from .config import Config, default_config

_state: dict[str, Any] = {}


def _config() -> Config:
    config = _state.get("config")
    return config if config is not None else default_config()


def _assess(payload: Any) -> Any:
    # The form is assessed while it is being filled in: a required answer
    # not given yet is a to-do on the page, not an error. "missing" names the
    # asked, required questions still unanswered: the page shows no tier until
    # it is empty (a partial form's "low" would read as an all-clear).
    # The assessing is shared with the office's batch re-check (assessments.watch).
    result = watch.assess_as_page(payload, _config())
    return prefill.attach(result, payload, _config(), load_policy())


def check_import(answers: Any) -> dict[str, Any]:
    """Sort a restored answers object into what this questionnaire takes and what it leaves out.

    ``answers`` is an answers object (kept in the page's storage), or a string:
    the bytes of a file, base64-encoded, read by the one reader of answers
    files (:func:`assessments.answers_file.read_answers_bytes`: size, encoding,
    nesting, duplicate keys, numbers). Bytes, not text: text decoded by the
    browser would already have lost invalid UTF-8 and UTF-16. A file saved by
    the page (``{"format": ..., "answers": {...}, "result": ...}``) gives its
    ``answers``. Every field is checked by the engine's own validation, one at
    a time, so one bad field does not cost the others. Keys of an earlier
    questionnaire are first read into the current ones (for example
    ``partner_country`` and ``partner_names`` into the partners question:
    :mod:`._legacy`), and ``notices`` says so. Returns ``{"answers": cleaned,
    "left_out": [{"key", "reason"}], "notices": [...]}``; a file that cannot be
    read, or holds no object, raises :class:`AnswerError` (nothing can be
    restored from it).
    """
    if isinstance(answers, str):
        answers = _read_file(answers)
    if not isinstance(answers, dict):
        raise AnswerError("answers", "", f"must be a JSON object keyed by question id, not {type(answers).__name__}",
                          "restore a file saved by this page")
    clean: dict[str, Any] = {}
    left_out: list[dict[str, str]] = []
    notices: list[dict[str, Any]] = []
    policy = load_policy()
    fields = {q.id for q in policy.questions if q.of_each_partner}
    # Each failing old key is left out on its own and the rest read again: one bad old answer costs no other.
    for _ in range(len(fields) + 2):
        try:
            answers, notices = migrate(answers, policy)
            break
        except AnswerError as exc:
            if exc.key in fields:
                left_out.append({"key": exc.key, "reason": f"{exc.reason} (an answer of an earlier version of the "
                                 "questionnaire, asked of each partner now)"})
                answers = {k: v for k, v in answers.items() if k != exc.key}
                continue
            # Named by the question the old key is read into: the page shows the question's text.
            target, olds = replaced(policy) or ("", ())
            left_out.append({"key": target, "reason": f"{exc.reason} (an answer of an earlier version of the "
                             f"questionnaire, read into this question)"})
            answers = {k: v for k, v in answers.items() if k not in {old.id for old, _ in olds}}
    for key, value in answers.items():
        try:
            clean.update(validate_answers({key: value}, partial=True))
        except AnswerError as exc:
            error = exc.as_dict()
            fix = f" ({error['fix']})" if error["fix"] else ""
            left_out.append({"key": str(key)[:80], "reason": error["reason"] + fix})
        except RecursionError:
            left_out.append({"key": str(key)[:80], "reason": "nested too deeply to be an answer"})
    return {"answers": clean, "left_out": left_out, "notices": notices}


def _read_file(encoded: str) -> Any:
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise AnswerError("request", "payload", "not base64", "send the file's bytes base64-encoded") from None
    value = read_answers_bytes(data, "the file")
    if isinstance(value, dict) and isinstance(value.get("answers"), dict):
        return value["answers"]  # a file saved by the page: its answers, not its result
    return value


def _assess_complete(payload: Any) -> Any:
    return assess(payload, config=_config())


def _plan_markdown(payload: Any) -> Any:
    # From the answers, not from a result the page sends back: the plan file is
    # rendered by the one renderer from the engine's own result.
    return plan_markdown(_assess(payload))


# --- saved plans (assessments.watch): what a plan was assessed with, and what changed since ---

def _record(payload: Any) -> Any:
    # From the answers: the record is the engine's own, never one the page put together.
    return {"record": watch.record(_assess(payload), _config()), "versions": watch.versions(_config())}


def _compare(payload: Any) -> Any:
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), dict):
        raise AnswerError("request", "payload", "must be {answers, before} or {answers, export}",
                          "send the saved plan's answers and record")
    now = watch.record(_assess(payload["answers"]), _config())
    if "export" in payload:
        # A file opened on the office's copy: its own record, or one made from the result saved with it.
        before = watch.record_from_export(payload["export"], _config(), "file") or now
    else:
        before = watch.check_record(payload.get("before"), "saved plan")
    return {"before": before, "now": now, "diff": watch.compare(before, now),
            "outdated": watch.outdated(before, _config())}


def _questions(payload: Any) -> Any:
    return questions()


def _schema(payload: Any) -> Any:
    return answer_schema()


def _screen(payload: Any) -> Any:
    from .screening import screen_name  # noqa: PLC0415 - optional subpackage

    return screen_name(str(payload.get("name", "")), _config())


OPS: dict[str, Callable[[Any], Any]] = {
    "assess": _assess,
    "assess_complete": _assess_complete,
    "check_import": check_import,
    "compare": _compare,
    "plan_markdown": _plan_markdown,
    "questions": _questions,
    "record": _record,
    "schema": _schema,
    "screen": _screen,
}
"""Every operation :func:`handle` serves, by name. Payloads:

- ``assess``: an answers object, assessed as a form still being filled in (the page); the result also says
  what it was assessed with (``basis``: policy version, list dates) and, for a next step whose form declares a
  prefill, the exact fields, values and URL (``actions[].form.prefill``: :func:`assessments.prefill.attach`);
- ``assess_complete``: an answers object that must be complete (as ``python -m assessments assess``);
- ``check_import``: an answers object, or a file's bytes base64-encoded (:func:`check_import`): the fields
  this questionnaire takes, cleaned, and the fields it leaves out with the reason;
- ``plan_markdown``: an answers object (as ``assess``): the draft mitigation plan as Markdown text
  (:func:`assessments.plan_markdown` of that result), for the page's "Download the draft plan";
- ``record``: an answers object (as ``assess``): what a saved plan keeps (policy version, list dates, tier,
  reasons, list matches: :func:`assessments.watch.record`) and the site's ``versions``;
- ``compare``: ``{"answers": ..., "before": record}`` (or ``"export"``: a file exported from the page, whose
  record or saved result is read by :func:`assessments.watch.record_from_export`): the saved record (checked),
  the record now, what changed (:func:`assessments.watch.compare`, with plain ``lines``) and why a re-check
  was due (``outdated``);
- ``questions``, ``schema``: none;
- ``screen``: ``{"name": "..."}``.
"""


def init(config_json: str) -> str:
    """Take the site's configuration (``Config.to_json()`` as JSON text); reply with the policy's version."""
    config = Config.from_json(json.loads(config_json), source="manifest.json")
    _state["config"] = config
    policy = load_policy()
    # Warm up: the first real request should not pay for imports and parsing.
    assess({}, config=config, screening=False)
    prepare_screening()
    return json.dumps({"policy_version": policy.version, "as_of": policy.as_of})


def prepare_screening() -> None:
    """Build the screening index now, while the engine starts (docs/performance.md#first-result).

    The garbage collector is off while the index is built (it would walk the
    growing index again and again for nothing: the index is all live data), and
    what exists then is frozen out of later collections, so that screenings do
    not walk the index either. A dataset that cannot be read is not an error
    here: each screening then says so ("not screened", naming the file).
    """
    try:
        from .screening import get_index  # noqa: PLC0415 - optional subpackage
    except ImportError:
        return
    collecting = gc.isenabled()
    gc.disable()
    try:
        get_index()
    except AssessmentsError:
        return
    finally:
        if collecting:
            gc.enable()
    gc.freeze()


def warm_step() -> bool:
    """Build one more part of the screening index that is otherwise built on first use; False when none
    is left (or there is no index). The worker calls it while no request waits."""
    try:
        from .screening import get_index  # noqa: PLC0415 - optional subpackage

        return get_index().prepare_next()
    except (ImportError, AssessmentsError):
        return False


def warm() -> None:
    """The screening index built and every part of it prepared (the build's trace calls it)."""
    prepare_screening()
    while warm_step():
        pass


def handle(request_json: str) -> str:
    """Answer one request ``{"op": NAME, "payload": ...}`` (JSON text) with a reply (JSON text)."""
    try:
        request = json.loads(request_json)
        op = request.get("op")
        serve = OPS.get(op) if isinstance(op, str) else None
        if serve is None:
            raise AnswerError("request", "op", f"unknown operation {op!r}", f"use {', '.join(OPS)}")
        result = serve(request.get("payload"))
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
    except AssessmentsError as exc:
        return json.dumps({"ok": False, "error": exc.as_dict()}, ensure_ascii=False)
    except Exception as exc:  # the worker must always get an answer it can show
        error = {"where": "engine", "key": "", "reason": f"{type(exc).__name__}: {exc}", "fix": ""}
        return json.dumps({"ok": False, "error": error}, ensure_ascii=False)
