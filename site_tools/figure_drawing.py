"""Draw the figures that ``figures.py`` found missing or stale, in a fresh Python.

Started by ``runners.py`` in the project root, with the jobs as JSON on stdin,
so that a change to lessonlib during ``mkdocs serve`` is drawn with the new code.
The process loads matplotlib and a font before the jobs come, then imports
lessonlib once, noted by ``code_notes.start``, and draws each figure in its own
fork (``forked.py``, figures with the same arguments in the same one), two at a
time on two cores. Each figure's
metadata says what the drawing used (``dependencies.record``): a figure is drawn
again only when that changes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import code_notes
import dependencies
import forked
from project import write_whole

#: The files of this drawing step: a change to any of them redraws every figure.
TOOLS = ("figure_drawing.py", "dependencies.py", "code_notes.py", "forked.py")


def main() -> None:
    root = Path.cwd().resolve()  # runners.py starts it in the project root
    code_notes.start(root)  # before lessonlib is imported, to see its top level run
    dependencies.installed()
    _warm_up()
    request = sys.stdin.read()  # a spare waits here, ready, for the next build
    if not request:
        return  # a spare no build needed
    jobs = json.loads(request)["jobs"]
    from lessonlib import plots

    def draw(group: list[dict[str, Any]]) -> None:
        for job in group:
            svg, meta = _draw(job, plots)
            # all this fork has run so far: what this figure used, and its group's before it
            meta["used"] = dependencies.record(root, sys.modules, TOOLS)
            write_whole(Path(job["svg"]), svg)
            write_whole(Path(job["meta"]), json.dumps(meta, sort_keys=True, ensure_ascii=False))

    if not forked.run_each(_groups(jobs), draw):
        sys.exit(1)


def _groups(jobs: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The jobs with the same arguments together, largest group first.

    Such figures often share work that lessonlib caches: the two digits figures
    train the same network, once when drawn in one fork.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for job in jobs:
        groups.setdefault(json.dumps(job["arguments"], sort_keys=True), []).append(job)
    return sorted(groups.values(), key=len, reverse=True)


def _warm_up() -> None:
    """Load matplotlib's SVG writer and a font once, so that no child pays for it."""
    from io import StringIO

    from matplotlib.figure import Figure

    figure = Figure()
    figure.text(0.5, 0.5, "0")
    figure.savefig(StringIO(), format="svg")


def _draw(job: dict[str, Any], plots: Any) -> tuple[str, dict[str, Any]]:
    """Draw one job with lessonlib.plots: its SVG, and its alt text and size."""
    if job["function"] not in plots.__all__:
        sys.exit(f"figure {job['name']!r}: lessonlib.plots has no {job['function']}")
    try:
        figure = getattr(plots, job["function"])(**job["arguments"])
    except (TypeError, ValueError, KeyError) as error:
        sys.exit(f"figure {job['name']!r}: {type(error).__name__}: {error}")
    width, height = figure.get_size_inches() * 96  # CSS pixels
    meta = {"alt": plots.alt_text(figure), "width": round(width), "height": round(height)}
    return plots.to_svg(figure), meta


if __name__ == "__main__":
    main()
