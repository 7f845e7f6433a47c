"""One Sybil configuration for the lessons and the docstrings.

- Every ``python`` fence under ``docs/`` runs on its own and must print exactly
  the ``output`` fence below it (site_tools/checked_output.py).
- Every ``>>>`` example in a ``lessonlib`` docstring runs as a doctest.
"""

import matplotlib
import pytest
from checked_output import OPTION_FLAGS, CheckedOutputParser
from sybil import Sybil
from sybil.parsers.rest import DocTestParser

matplotlib.use("Agg")  # lessons and docstrings never open a window

lessons = Sybil(parsers=[CheckedOutputParser()], path="docs", patterns=["*.md"], name="lessons")
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=OPTION_FLAGS)],
    path="lessonlib",
    patterns=["*.py"],
    name="docstrings",
)

pytest_collect_file = (lessons + docstrings).pytest()


_seed_values_checked: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if (
        report.when == "call"
        and report.passed
        and "test_seed_value_is_printed_and_shown" in report.nodeid
    ):
        _seed_values_checked.append(report.nodeid.split("[", 1)[1][:-1])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the source post's values that were checked, so the report says so plainly."""
    if _seed_values_checked:
        terminalreporter.section("values from the source post, checked")
        for value in _seed_values_checked:
            terminalreporter.write_line(f"checked  {value}")
