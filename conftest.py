"""One Sybil configuration for the lessons and the docstrings, and the record of what ran.

- Every ``python`` fence under ``docs/`` runs on its own and must print exactly
  the ``output`` fence below it (site_tools/checked_output.py).
- Every number in a lesson's text must be printed or typed in by the page's
  code (site_tools/prose_numbers.py).
- Every ``>>>`` example in a ``lessonlib`` docstring runs as a doctest.
- A page whose every check ran and passed (a lesson's Sybil examples, or the tests
  marked ``checks("<page>")``, as the labs' are) is recorded with the versions that
  ran (site_tools/checked_record.py), for the stamp the build puts on that page.
"""

from collections import Counter
from pathlib import Path

import checked_record
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
_page_of: dict[str, str] = {}  # test id -> the page under docs/ whose outputs it checks
_checks_of_page: Counter[str] = Counter()  # page -> its checks, before any -k or -m
_passed: Counter[str] = Counter()  # page -> its checks that ran and passed
_failed: set[str] = set()


def _checked_page(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("checks")
    if marker is not None:
        return str(marker.args[0])
    path = Path(str(item.path))
    if path.suffix == ".md" and path.is_relative_to(DOCS):
        return path.relative_to(DOCS).as_posix()  # a lesson's Sybil example
    return None


@pytest.hookimpl(tryfirst=True)  # before -k and -m deselect: a page counts all its checks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        page = _checked_page(item)
        if page is not None:
            _page_of[item.nodeid] = page
            _checks_of_page[page] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Record the pages whose every check ran and passed in this session."""
    checked = [
        page
        for page, count in _checks_of_page.items()
        if _passed[page] == count and page not in _failed
    ]
    if checked:
        checked_record.write(DOCS.parent, sorted(checked))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    page = _page_of.get(report.nodeid)
    if page is not None and report.failed:
        _failed.add(page)
    elif page is not None and report.when == "call" and report.passed:
        _passed[page] += 1
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
