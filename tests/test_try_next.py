"""Every "Try next" question of a lesson has an answer a reader can check.

Each item of a lesson's "## Try next" list must do one of three things: carry a
folded answer (``??? success "Answer"``, whose output fences are checked like any
other), point to the lab exercise that asks it, or, asking nothing, lead on to
another page ("Continue with ...").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_build import DOCS, lesson_id, lesson_paths

TRY_NEXT = "\n## Try next\n"
ITEM = re.compile(r"^- ", re.MULTILINE)
PAGE_LINK = re.compile(r"\]\([^)]+\.md(#[^)]*)?\)")
LESSONS = lesson_paths()


def items(page: str) -> list[str]:
    """The top-level items of the page's "Try next" list, each with what is indented under it."""
    section = page.split(TRY_NEXT, 1)[1]
    section = re.split(r"\n## |\n\?\?\? ", section)[0]  # up to the next heading or page-level fold
    starts = [match.start() for match in ITEM.finditer(section)]
    return [section[a:b].strip() for a, b in zip(starts, [*starts[1:], len(section)], strict=True)]


def unanswered(item: str) -> bool:
    answered = '??? success "Answer"' in item or "labs/lab-" in item
    leads_on = "?" not in item and PAGE_LINK.search(item) is not None
    return not (answered or leads_on)


def test_the_rule_tells_an_open_question_from_an_answered_one() -> None:
    page = (
        "# A\n\n## Try next\n\n- Double it. What changes?\n\n"
        '- Halve it. What changes?\n\n    ??? success "Answer"\n        Less.\n\n'
        "- Do it yourself: [exercise 1 of lab 1](../labs/lab-1-basics.py).\n"
        "- Continue with [the next lesson](next.md).\n\n## After\n\n- Not an item.\n"
    )
    assert [unanswered(item) for item in items(page)] == [True, False, False, False]


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_every_try_next_item_is_answered_or_leads_on(lesson: Path) -> None:
    page = lesson.read_text(encoding="utf-8")
    if TRY_NEXT not in page:
        pytest.fail(f"{lesson.name} has no Try next")
    open_items = [item for item in items(page) if unanswered(item)]
    assert not open_items, f"{lesson.relative_to(DOCS)}: no answer for {open_items}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_every_lesson_ends_with_questions(lesson: Path) -> None:
    assert TRY_NEXT in lesson.read_text(encoding="utf-8"), f"{lesson.name} has no Try next"
