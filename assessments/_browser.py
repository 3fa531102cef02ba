"""The engine's surface for the browser worker: JSON text in, JSON text out.

The Web Worker calls :func:`init` once with the site's configuration, then
:func:`handle` for every request. Errors never escape as exceptions: they come
back as ``{"ok": false, "error": {...}}`` naming the field and the reason.
"""

from __future__ import annotations

import json
from typing import Any

from ._engine import assess
from ._errors import AnswerError, AssessmentsError
from ._policy import load_policy, questions
from .config import Config

_state: dict[str, Any] = {}


def init(config_json: str) -> str:
    config = Config.from_json(json.loads(config_json), source="manifest.json")
    _state["config"] = config
    policy = load_policy()
    # Warm up: the first real request should not pay for imports and parsing.
    assess({}, config=config, screening=False)
    return json.dumps({"policy_version": policy.version, "as_of": policy.as_of})


def warm() -> None:
    """Build the screening index now, before the first name is typed.

    The worker calls this right after it reports ready, so that the page is
    usable at once and the first screening does not pay for the index.
    """
    try:
        from .screening import get_index  # noqa: PLC0415 - optional subpackage
    except ImportError:
        return
    get_index()


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        op = request.get("op")
        payload = request.get("payload")
        if op == "assess":
            # The form is assessed while it is being filled in: a required answer
            # not given yet is a to-do on the page, not an error.
            result: Any = assess(payload, config=_state.get("config"), partial=True)
        elif op == "questions":
            result = questions()
        elif op == "screen":
            from .screening import screen_name  # noqa: PLC0415 - optional subpackage

            result = screen_name(str(payload.get("name", "")), _state["config"])
        else:
            raise AnswerError("request", "op", f"unknown operation {op!r}", "use assess, questions or screen")
        return json.dumps({"ok": True, "result": result}, ensure_ascii=False)
    except AssessmentsError as exc:
        return json.dumps({"ok": False, "error": exc.as_dict()}, ensure_ascii=False)
    except Exception as exc:  # the worker must always get an answer it can show
        error = {"where": "engine", "key": "", "reason": f"{type(exc).__name__}: {exc}", "fix": ""}
        return json.dumps({"ok": False, "error": error}, ensure_ascii=False)
