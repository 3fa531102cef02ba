"""Time partner-name screening: the one timing loop for CPython and Pyodide.

``measure(queries)`` builds the index as the browser's worker does while the
engine starts (``browser.prepare_screening``), then what the worker builds
while no request waits (``browser.warm_step``), screens every query and returns
``{"python", "build_s", "prepare_s", "first_query_ms", "latencies_ms": [...]}``.
benchmarks/screening_speed.py calls it under CPython; inside Pyodide
benchmarks/screening_speed_pyodide.mjs runs ``main(queries_json)``, which returns
the same as JSON text. Timed inside Python, so no JavaScript overhead is counted.
"""

from __future__ import annotations

import json
import sys
import time


def measure(queries: list[str]) -> dict[str, object]:
    t0 = time.perf_counter()
    from assessments import browser, default_config  # noqa: PLC0415 - the import is part of the timed build
    from assessments.screening import screen_name  # noqa: PLC0415

    browser.prepare_screening()
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    while browser.warm_step():
        pass
    prepare = time.perf_counter() - t0
    config = default_config()
    t1 = time.perf_counter()
    screen_name(queries[0], config)
    first = (time.perf_counter() - t1) * 1000
    lat = []
    for q in queries:
        t = time.perf_counter()
        screen_name(q, config)
        lat.append((time.perf_counter() - t) * 1000)
    return {"python": sys.version.split()[0], "build_s": build, "prepare_s": prepare, "first_query_ms": first,
            "latencies_ms": lat}


def main(queries_json: str) -> str:
    return json.dumps(measure(json.loads(queries_json)))
