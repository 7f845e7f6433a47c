"""What the figure tests share: a lesson's printed output, and a declared figure's alt text.

Each figure test draws a figure from its declaration in docs/figures.yml and compares
the numbers its alt text states with what the lesson's own code block prints.
"""

from __future__ import annotations

from pathlib import Path

from figure_registry import read_registry
from lesson_source import code_blocks

from lessonlib import plots

ROOT = Path(__file__).resolve().parent.parent
DECLARED = read_registry(ROOT / "docs" / "figures.yml")


def printed_by(lesson: str, marker: str) -> str:
    """The output fence, on the lesson page, of the block whose code contains ``marker``."""
    path = ROOT / "docs" / lesson
    for block in code_blocks(path.read_text(encoding="utf-8"), str(path)):
        if marker in block.source and block.output is not None:
            return block.output
    raise AssertionError(f"no block with output in {lesson} contains {marker!r}")


def drawn(name: str) -> str:
    """The alt text of the figure declared as ``name``, drawn with its declared arguments."""
    declaration = DECLARED[name]
    return plots.alt_text(getattr(plots, declaration["function"])(**declaration["arguments"]))
