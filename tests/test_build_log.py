"""The strict build's log holds no warning a reader cannot act on.

Only mkdocs-material 9.8's end-of-life notice may warn, and it must stay visible.
Anything else that looks like a warning or an error fails, so a new one is seen at once
instead of drowning in the log (the labs' kernel used to warn on every build that it ran
over TCP; site_tools/jupyter_config now starts it over IPC).
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;]*m")
NOTICE_TITLE = "Material for MkDocs reaches end of life"
NOTICE_LAST_LINE = "To disable this warning, set NO_MKDOCS_2_WARNING=1."
ALARMING = re.compile(r"warn|error|deprecat|traceback|exception|insecure|unencrypted", re.I)


def without_the_notice(log: str) -> list[str]:
    """The log's lines, less Material's notice: its boxed lines (│) and its last line."""
    lines = ANSI.sub("", log).splitlines()
    return [
        line
        for line in lines
        if not line.lstrip().startswith("│") and line.strip() != NOTICE_LAST_LINE
    ]


def test_the_end_of_life_notice_stays_visible(build_log: str) -> None:
    assert NOTICE_TITLE in ANSI.sub("", build_log)


def test_no_other_warning_in_the_strict_build_log(build_log: str) -> None:
    alarming = [line for line in without_the_notice(build_log) if ALARMING.search(line)]
    assert not alarming, "the build log warns:\n" + "\n".join(alarming)


def test_the_filter_sees_a_planted_warning() -> None:
    planted = "INFO    -  Building\n[IPKernelApp] WARNING | Kernel is running over TCP\n"
    assert [line for line in without_the_notice(planted) if ALARMING.search(line)] == [
        "[IPKernelApp] WARNING | Kernel is running over TCP"
    ]
