"""No lesson code is silently left out of the Sybil run.

The fences are counted here with a plain line pattern, independently of the
Sybil lexer in site_tools, and the two counts must agree for every lesson.
"""

import re
from pathlib import Path

import pytest
from checked_output import CheckedOutputParser
from sybil import Document

DOCS = Path(__file__).resolve().parent.parent / "docs"
LESSONS = sorted(DOCS.rglob("*.md"))
OPENING_FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*(?P<language>[\w-]+)", re.MULTILINE)


def fence_languages(path: Path) -> list[str]:
    """Languages of the opening fences in a page (closing fences have none)."""
    return [match["language"] for match in OPENING_FENCE.finditer(path.read_text())]


def sybil_examples(path: Path) -> list[object]:
    document = Document.parse(str(path), CheckedOutputParser())
    return [example.parsed for example in document.examples()]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: str(path.relative_to(DOCS)))
def test_every_python_fence_is_collected(lesson: Path) -> None:
    languages = fence_languages(lesson)
    examples = sybil_examples(lesson)
    assert len(examples) == languages.count("python")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: str(path.relative_to(DOCS)))
def test_every_output_fence_belongs_to_a_block(lesson: Path) -> None:
    """An output fence not directly under a python fence would be shown but never checked."""
    checked = [block for block in sybil_examples(lesson) if block.output is not None]
    languages = fence_languages(lesson)
    assert len(checked) == languages.count("output") + languages.count("output-varies")


def test_the_lessons_exist() -> None:
    assert len(LESSONS) >= 10
    assert sum(fence_languages(path).count("python") for path in LESSONS) >= 20


def test_counter_sees_what_it_should(tmp_path: Path) -> None:
    """The independent counter itself: two python fences, one output, one other language."""
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nprint(1)\n```\n\n```output\n1\n```\n\n"
        "!!! note\n    ```python\n    x = 1\n    ```\n\n```bash\nls\n```\n"
    )
    assert fence_languages(page) == ["python", "output", "python", "bash"]
    assert len(sybil_examples(page)) == 2
