"""The lessons and labs are written in our own code: no block repeats two lines of the post's.

The post (shared/seed, "Introduction to Deep Learning", 2017) is the source of chapters
1 and 2. Its numbers are kept, and the public names that readers look for, but no code
block of a lesson or lab may repeat two consecutive lines of its code. Lines are compared
after dropping comments, blank lines and all whitespace, and with one kind of quotes.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import jupytext
import pytest
from lesson_source import code_blocks, runnable_source

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_016c60c9c5ca8885.txt"
SEED = Path(os.environ.get("LESSON_SEED_POST") or ROOT.parent / "shared" / "seed" / SEED_NAME)
LESSONS = sorted((ROOT / "docs").rglob("*.md"))
LABS = sorted((ROOT / "docs" / "labs").glob("lab-*.py"))
pytestmark = pytest.mark.skipif(
    not SEED.is_file(),
    reason=f"the post is not at {SEED}: set LESSON_SEED_POST to its path to compare with it",
)


def normalised(code: str) -> list[str]:
    """The code's lines without comments, whitespace or blank lines, quotes made alike."""
    lines = (
        re.sub(r"\s+", "", line.split("#", 1)[0].replace("'", '"')) for line in code.splitlines()
    )
    return [line for line in lines if line]


def post_pairs() -> set[tuple[str, str]]:
    lines = normalised(SEED.read_text(encoding="utf-8"))
    return set(itertools.pairwise(lines))


def repeated(code: str, pairs: set[tuple[str, str]]) -> list[tuple[str, str]]:
    lines = normalised(code)
    return [pair for pair in itertools.pairwise(lines) if pair in pairs]


def blocks_of(path: Path) -> list[str]:
    """Every code block of a lesson, or every code cell of a lab, as written."""
    if path.suffix == ".md":
        return [runnable_source(block) for block in code_blocks(path.read_text(encoding="utf-8"))]
    notebook = jupytext.read(path)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("page", LESSONS + LABS, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_block_repeats_two_lines_of_the_post(page: Path) -> None:
    pairs = post_pairs()
    found = [pair for code in blocks_of(page) for pair in repeated(code, pairs)]
    assert not found, f"lines that follow each other in the post's code: {found}"


def test_the_comparison_sees_a_repeat() -> None:
    """The comparison itself: the post's own first lines are found, reformatted or not."""
    post = SEED.read_text(encoding="utf-8")
    assert "input_data = np.array([2,3])" in post
    copied = "import numpy as np\ninput_data = np.array([2, 3])  # the post's input\n"
    assert repeated(copied, post_pairs()) == [("importnumpyasnp", "input_data=np.array([2,3])")]
    assert repeated("import numpy as np\nrows = np.array([2, 3])\n", post_pairs()) == []
