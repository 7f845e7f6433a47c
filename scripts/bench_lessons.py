"""How long checking every lesson takes: Sybil, against running the lessons as notebooks.

Notebook-based tutorial sites check their lessons by executing each notebook in a
fresh Jupyter kernel (nbval, nbmake, ``jupyter nbconvert --execute``: all nbclient).
This script times both ways on the same lessons, on this machine, in the same run:

- Sybil: ``pytest docs`` in a fresh process, the lesson suite of ``make test``
  (start-up, collection, every block run and its output compared);
- nbclient: every lesson turned into its notebook (``site_tools/notebooks.py``, as
  the site build does) and executed top to bottom, one fresh ipykernel per lesson.

It prints the median wall time of each over ``--repeat`` runs and their ratio.
Both ways run the same lesson code, and a lesson that trains a network spends
seconds in its own code whichever way it is checked. So the script also times
that code alone (every block, in a fresh namespace, in one fresh Python) and
prints what each way costs on top of it, and the ratio of those overheads.
Nothing here is asserted: shared machines are too noisy for a timed test.

    .venv/bin/python scripts/bench_lessons.py [--repeat 3] [GLOB ...]

GLOBs (under docs/, e.g. ``"basics/*.md"``) pick some lessons; the default is all.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site_tools"))

from lesson_source import code_blocks, runnable_source  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from notebooks import is_lesson, lesson_notebook  # noqa: E402

CELL_TIMEOUT_S = 120


def lessons(globs: list[str]) -> list[Path]:
    docs = ROOT / "docs"
    pages = sorted({page for glob in globs or ["**/*.md"] for page in docs.glob(glob)})
    return [page for page in pages if is_lesson(page.read_text(encoding="utf-8"))]


def time_sybil(pages: list[Path]) -> float:
    """Wall time of the Sybil lesson suite on ``pages`` (``pytest docs``), in a fresh process."""
    paths = [str(page.relative_to(ROOT)) for page in pages]
    command = [sys.executable, "-m", "pytest", *paths, "-q", "-p", "no:cacheprovider"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the Sybil lesson suite failed:\n{result.stdout[-3000:]}")
    return elapsed


def run_code_alone(pages: list[Path]) -> None:
    """Run every block of ``pages`` once, each in a fresh namespace, printing nothing."""
    for page in pages:
        for block in code_blocks(page.read_text(encoding="utf-8")):
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(runnable_source(block), str(page), "exec"), {"__name__": "__lesson__"})


def time_code_alone(pages: list[Path]) -> float:
    """Wall time of the lessons' own code in a fresh Python: the floor of any checker."""
    command = [sys.executable, __file__, "--code-only", *map(str, pages)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - start


def time_notebooks(pages: list[Path]) -> float:
    """Wall time of executing every lesson's notebook, each in a fresh kernel."""
    notebooks = [
        lesson_notebook(
            page.read_text(encoding="utf-8"), page.relative_to(ROOT / "docs").as_posix()
        )
        for page in pages
    ]
    with tempfile.TemporaryDirectory() as workdir:
        start = time.perf_counter()
        for notebook in notebooks:
            client = NotebookClient(
                notebook,
                timeout=CELL_TIMEOUT_S,
                kernel_name="python3",
                resources={"metadata": {"path": workdir}},
            )
            client.execute()
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    parser.add_argument("--code-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("globs", nargs="*", help="lessons to time, under docs/ (default: all)")
    arguments = parser.parse_args()
    if arguments.code_only:
        run_code_alone([Path(path) for path in arguments.globs])
        return
    repeat = arguments.repeat
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")  # no migration warning from jupyter_core

    pages = lessons(arguments.globs)
    blocks = sum(len(code_blocks(page.read_text(encoding="utf-8"))) for page in pages)
    print(f"lessons: {len(pages)} pages, {blocks} code blocks; median of {repeat} runs each")
    code, sybil, notebooks = [], [], []
    for _ in range(repeat):  # interleaved, so a slow moment of the machine hits all three
        code.append(time_code_alone(pages))
        sybil.append(time_sybil(pages))
        notebooks.append(time_notebooks(pages))
    code_s = statistics.median(code)
    sybil_s, notebooks_s = statistics.median(sybil), statistics.median(notebooks)
    print(f"Sybil, pytest docs (fresh process):        {sybil_s:6.2f} s")
    print(f"nbclient, one fresh kernel per lesson:     {notebooks_s:6.2f} s")
    print(f"ratio: Sybil is {notebooks_s / sybil_s:.1f}x faster (goal: at least 5x)")
    print(f"the lessons' code alone (fresh Python):    {code_s:6.2f} s")
    print(f"on top of it: Sybil {sybil_s - code_s:.2f} s, nbclient {notebooks_s - code_s:.2f} s")
    print(f"ratio of the overheads: {(notebooks_s - code_s) / (sybil_s - code_s):.1f}x")


if __name__ == "__main__":
    main()
