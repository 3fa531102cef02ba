"""Time partner-name screening inside Pyodide (run by benchmarks/screening_speed_pyodide.mjs).

``main(queries_json)`` builds the index, screens every query and returns JSON
text: ``{"python", "build_s", "first_query_ms", "latencies_ms": [...]}``.
Timed inside Python, so no JavaScript overhead is counted.
"""

from __future__ import annotations

import json
import sys
import time


def main(queries_json: str) -> str:
    t0 = time.perf_counter()
    from assessments import default_config  # noqa: PLC0415 - the import is part of the timed build
    from assessments.screening import get_index, screen_name  # noqa: PLC0415

    get_index()
    build = time.perf_counter() - t0
    config = default_config()
    queries = json.loads(queries_json)
    t1 = time.perf_counter()
    screen_name(queries[0], config)
    first = (time.perf_counter() - t1) * 1000
    lat = []
    for q in queries:
        t = time.perf_counter()
        screen_name(q, config)
        lat.append((time.perf_counter() - t) * 1000)
    return json.dumps({"python": sys.version.split()[0], "build_s": build, "first_query_ms": first,
                       "latencies_ms": lat})
