"""Griffe extension: show the ``>>>`` examples of lessonlib's docstrings as code.

The docstrings put their examples straight after the summary, as doctest wants,
without an ``Examples:`` heading. Rendered as Markdown, ``>>> relu(-1)`` would
become a nested quote and ``[3, 0]`` a broken link. This wraps each run of
``>>>`` lines and their output in a ``pycon`` fence before mkdocstrings renders
it: prompts and output are then highlighted apart, and the copy button leaves
them out (``overrides/assets/stylesheets/copy.css``).
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

_PROMPT = re.compile(r"^(?P<indent>\s*)>>>")


def fence_doctests(text: str) -> str:
    """Wrap every doctest example in ``text`` (prompt lines up to a blank line) in a fence."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        match = _PROMPT.match(lines[index])
        if match is None:
            result.append(lines[index])
            index += 1
            continue
        indent = match["indent"]
        example = []
        while index < len(lines) and lines[index].strip() and lines[index].startswith(indent):
            example.append(lines[index])
            index += 1
        result += [f"{indent}```pycon", *example, f"{indent}```"]
    return "\n".join(result)


class DoctestFences(Extension):
    """Fence the doctest examples of every object's docstring."""

    def on_object(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
