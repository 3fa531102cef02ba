"""RS_TIMELINE=FILE: where a test run's time goes, one JSON object a line, for benchmarks/suite_timeline.py.

Each test process appends its own lines (a line is one write to a file opened for appending, so
processes do not mix their lines): when the process started and ended its session, every test's
setup, call and teardown (start and stop, wall clock, and the process's CPU seconds, its children
included once they have ended), and every site build (tests/support/build.py). As a file's first
test starts and as the last test's teardown begins, the CPU seconds of the process's whole tree of live
processes too (Chromium's processes are not waited for, so the figures above leave most of them out;
a tree that ends, a browser closed, takes its figures with it);
read once a file, not once a test, as walking /proc takes a few milliseconds. Nothing is written
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


def tree_cpu() -> float | None:
    """User and system CPU seconds of this process and every live process under it (their ended children
    included), from /proc; None where there is no /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[tuple[int, float]]] = {}
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        # After the name: state, ppid, ... utime, stime, cutime, cstime are fields 14-17 of stat(5).
        children.setdefault(int(fields[1]), []).append((pid, sum(int(f) for f in fields[11:15]) / tick))
    # cpu_seconds() counts this process and its children that ended; each live descendant's figure
    # counts itself and its own children that ended: nothing is counted twice.
    total, todo = cpu_seconds(), [os.getpid()]
    while todo:
        for pid, cpu in children.get(todo.pop(), []):
            total += cpu
            todo.append(pid)
    return total


_state: dict[str, object] = {}


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
    _state["controller"] = _is_controller(session.config)
    record(event="session-start", controller=_is_controller(session.config), at=time.time(), cpu=cpu_seconds())


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    # Called before the teardown runs: the last test's teardown ends the session's fixtures (the browser
    # among them), and the CPU of a process tree that ends is lost to /proc (Chromium is not waited for).
    if nextitem is None and os.environ.get("RS_TIMELINE"):
        record(event="tests-done", at=time.time(), tree_cpu=tree_cpu())


@pytest.hookimpl(trylast=True)  # after the other plugins have ended their part of the session
def pytest_sessionfinish(session: pytest.Session) -> None:
    record(event="session-end", controller=_state.get("controller"), at=time.time(), cpu=cpu_seconds())


def pytest_runtest_logstart(nodeid: str, location: tuple[str, int | None, str]) -> None:
    if not os.environ.get("RS_TIMELINE") or _state.get("controller"):
        return
    name = nodeid.split("::", 1)[0]
    if _state.get("file") != name:
        _state["file"] = name
        record(event="file-start", file=name, at=time.time(), tree_cpu=tree_cpu())


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if hasattr(report, "node"):  # the xdist controller hearing of a worker's test: the worker wrote it
        return
    record(event="test", nodeid=report.nodeid, when=report.when, outcome=report.outcome,
           start=report.start, stop=report.stop, cpu=cpu_seconds())
