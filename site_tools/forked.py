"""Run jobs side by side, each in its own fork of one prepared process.

The figure and lab runners import their heavy libraries once, then fork a fresh
child for every job: the child starts warm, shares nothing with its siblings (no
cache one job fills for the next, so what a job ran is exactly what it needed),
and as many run at once as there are cores. A child reports failure by its exit
status, after printing why. Where ``os.fork`` does not exist (Windows) the jobs
run one after another in this process instead.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any


def cores() -> int:
    """How many jobs to run at once: the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_each(jobs: Sequence[Any], work: Callable[[Any], None]) -> bool:
    """Run ``work(job)`` for every job; True when all of them succeeded."""
    if not hasattr(os, "fork"):
        return all(_run(work, job) == 0 for job in jobs)
    pending, running, failed = list(jobs), set(), 0
    while pending or running:
        while pending and len(running) < cores():
            job = pending.pop(0)
            sys.stdout.flush()
            sys.stderr.flush()
            child = os.fork()
            if child == 0:
                os._exit(_run(work, job))  # never return into the parent's loop
            running.add(child)
        child, status = os.wait()
        running.discard(child)
        failed += os.waitstatus_to_exitcode(status) != 0
    return failed == 0


def _run(work: Callable[[Any], None], job: Any) -> int:
    """Run one job; print why it failed, and return its exit status."""
    try:
        work(job)
        status = 0
    except SystemExit as stop:  # a clear message, no traceback
        print(stop, file=sys.stderr)
        status = 1
    except Exception:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return status
