"""One Sybil configuration for the lessons and the docstrings.

- Every ``python`` fence under ``docs/`` runs on its own and must print exactly
  the ``output`` fence below it (site_tools/checked_output.py).
- Every number in a lesson's text must be printed or typed in by the page's
  code (site_tools/prose_numbers.py).
- Every ``>>>`` example in a ``lessonlib`` docstring runs as a doctest.
"""

from pathlib import Path

import matplotlib
import pytest
from checked_output import OPTION_FLAGS, CheckedOutputParser
from figure_registry import REGISTRY, read_registry
from lesson_source import code_blocks
from prose_numbers import ProseNumberParser
from sybil import Sybil
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

matplotlib.use("Agg")  # lessons and docstrings never open a window

DOCS = Path(__file__).resolve().parent / "docs"
CAPTIONS = {name: str(figure["caption"]) for name, figure in read_registry(DOCS / REGISTRY).items()}

lessons = Sybil(parsers=[CheckedOutputParser()], path="docs", patterns=["*.md"], name="lessons")
prose = Sybil(
    parsers=[ProseNumberParser(CAPTIONS)], path="docs", patterns=["*.md"], name="prose-numbers"
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=OPTION_FLAGS)],
    path="lessonlib",
    patterns=["*.py"],
    name="docstrings",
)

pytest_collect_file = SybilCollection([lessons, prose, docstrings]).pytest()

_seed_values_checked: list[str] = []
_lessons_ran: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.nodeid.startswith("docs/"):
        _lessons_ran.append(report.nodeid)
    if (
        report.when == "call"
        and report.passed
        and "test_seed_value_is_printed_and_shown" in report.nodeid
    ):
        _seed_values_checked.append(report.nodeid.split("[", 1)[1][:-1])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the source post's values that were checked, and any output checked only in part."""
    varies = [
        f"{path.relative_to(DOCS.parent)}:{block.output_line}"
        for path in sorted(DOCS.rglob("*.md"))
        for block in code_blocks(path.read_text(encoding="utf-8"), str(path))
        if block.output_varies
    ]
    if varies and _lessons_ran:
        terminalreporter.section("outputs compared with their numbers masked (timings vary)")
        for where in varies:
            terminalreporter.write_line(f"masked   {where}")
    if _seed_values_checked:
        terminalreporter.section("values from the source post, checked")
        for value in _seed_values_checked:
            terminalreporter.write_line(f"checked  {value}")
