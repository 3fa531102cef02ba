"""Send requests to the engine's dispatcher inside real Pyodide (run by tests/pyodide/run.mjs).

``main(spec_json)`` takes ``{"config": Config.to_json(), "requests": [{"op", "payload"}, ...]}``
and returns ``{"python": version, "results": [reply, ...]}`` as JSON text, one
reply of ``assessments.browser.handle`` per request: the very path the page's
worker takes.
"""

from __future__ import annotations

import json
import sys


def main(spec_json: str) -> str:
    from assessments import browser  # noqa: PLC0415 - from the mounted wheel, after the driver is loaded

    spec = json.loads(spec_json)
    browser.init(json.dumps(spec["config"]))
    results = [json.loads(browser.handle(json.dumps(request, ensure_ascii=False))) for request in spec["requests"]]
    return json.dumps({"python": sys.version, "results": results}, ensure_ascii=False)
