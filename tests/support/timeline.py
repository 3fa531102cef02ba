"""RS_TIMELINE=FILE: where a test run's time goes, one JSON object a line, for benchmarks/suite_timeline.py.

Each test process appends its own lines (a line is one write to a file opened for appending, so
processes do not mix their lines): when the process started and ended its session, every test's
setup, call and teardown (start and stop, wall clock, and the process's CPU seconds, its children
included once they have ended), and every site build (tests/support/build.py). Nothing is written
when RS_TIMELINE is unset; nothing here is asserted.
"""

from __future__ import annotations

import json
import os
import resource
import time
from typing import Any

import pytest


def worker() -> str:
    """The pytest-xdist worker id (gw0, gw1, ...), or "main" when the tests run in one process."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its children that have ended."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def record(**fields: Any) -> None:
    if path := os.environ.get("RS_TIMELINE"):
        line = json.dumps({"worker": worker(), **fields}) + "\n"
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode())
        finally:
            os.close(fd)


def _is_controller(config: pytest.Config) -> bool:
    """The xdist controller only hands out tests: its workers record their own."""
    return not hasattr(config, "workerinput") and bool(getattr(config.option, "numprocesses", None))


def pytest_sessionstart(session: pytest.Session) -> None:
    record(event="session-start", controller=_is_controller(session.config), at=time.time(), cpu=cpu_seconds())


@pytest.hookimpl(trylast=True)  # after the session's fixtures (the browser among them) have ended
def pytest_sessionfinish(session: pytest.Session) -> None:
    record(event="session-end", controller=_is_controller(session.config), at=time.time(), cpu=cpu_seconds())


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if hasattr(report, "node"):  # the xdist controller hearing of a worker's test: the worker wrote it
        return
    record(event="test", nodeid=report.nodeid, when=report.when, outcome=report.outcome,
           start=report.start, stop=report.stop, cpu=cpu_seconds())
