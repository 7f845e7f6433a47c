"""Numbers in the prose of a lesson: each restates what its section's code prints or types in.

The rule, which the maintainers' page states too:

- Every number written in a lesson's text (sentences, lists, tables, formulas,
  and the captions of its figures) must be one that the code of the same
  section (from one ``##`` heading to the next) prints in an ``output`` fence,
  to the precision the text writes it (a number followed by "…" has its digits
  cut, not rounded), or one that this code types in: an input.
- Exempt is only a number right after one of the words in `NAMING`: it names
  a part of the site or of a network ("chapter 3", "lab 1", "layer 2").

So a sentence that restates a result fails as soon as the result changes, or
the sentence does; looking only within its section keeps a changed number from
passing because the same value happens to appear elsewhere on the page.
Timings (``output-varies`` fences) count as nothing printed. The check is
static and fast: the output fences are checked against the code by
``checked_output.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from figure_registry import MARKER
from lesson_source import OUTPUT_LANGUAGES, code_blocks
from sybil import Document, Example, Region
from written_numbers import Number, literals, numbers_in

#: Words after which a number names a part, not a value.
NAMING = ("chapter", "lab", "exercise", "layer", "node", "input", "part")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w-]*)")
# Spans that are not read as prose: the numbers of a numbered list, an index after a
# name (network[0]), link targets, attribute lists, HTML tags and comments, and the
# sub- and superscripts of formulas.
_NOT_PROSE = re.compile(
    r"^\s*\d+[.)]\s|\w\[[^\]\n]*\]|\]\([^)]*\)|\{[:#.%][^}]*\}|\{ [^}]*\}|<!--.*?-->|<[^>\n]+>"
    r"|[_^]\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[_^]\\?[\w']+"
)
_NAMED = re.compile(rf"\b(?:{'|'.join(NAMING)})s?\s*$", re.IGNORECASE)


@dataclass
class Section:
    """The numbers a section's code prints and types in, from its offset in the page on."""

    start: int
    printed: list[float] = field(default_factory=list)
    typed: list[float] = field(default_factory=list)

    def founds(self, number: Number) -> bool:
        """True when this section's code prints the number, or types it in."""
        return number.value in self.typed or any(number.restates(v) for v in self.printed)


def prose_numbers(text: str, captions: dict[str, str]) -> list[Number]:
    """The numbers in a lesson's prose, with their lines; figure markers read as their captions."""
    found, fence, offset = [], None, 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening[1]
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif marker := MARKER.match(line):
            caption = captions.get(marker["name"], "")
            found += [
                replace(n, line=number, caption=marker["name"], at=offset)
                for n in _readable_numbers(caption, 0)
            ]
        elif fence is None:
            found += [replace(n, line=number, at=offset) for n in _readable_numbers(line, offset)]
        offset += len(line)
    return found


def _readable_numbers(text: str, offset: int) -> list[Number]:
    readable = _NOT_PROSE.sub(lambda span: " " * len(span[0]), text)
    return [
        number
        for number in numbers_in(readable, offset, prose=True)
        if not _NAMED.search(readable[: number.start - offset])
    ]


def sections(text: str) -> list[Section]:
    """The page cut at its ``##`` headings, each with what its code prints and types in."""
    found, fence, language, offset, body = [Section(0)], None, "", 0, []
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence, language, body = opening[1], opening[2], []
        elif fence is not None and line.strip().startswith(fence):
            _add(found[-1], language, "".join(body))
            fence = None
        elif fence is not None:
            body.append(line)
        elif line.startswith("## "):
            found.append(Section(offset))
        offset += len(line)
    return found


def _add(section: Section, language: str, body: str) -> None:
    if language == "python":
        section.typed += literals(body)
    elif language == OUTPUT_LANGUAGES[0]:  # not output-varies: timings are never restated
        section.printed += [number.value for number in numbers_in(body)]


def unfounded(numbers: Iterable[Number], page: list[Section]) -> list[Number]:
    """The numbers that their section's code neither prints nor types in."""
    return [number for number in numbers if not _section_of(number, page).founds(number)]


def _section_of(number: Number, page: list[Section]) -> Section:
    return [section for section in page if section.start <= number.at][-1]


class ProseNumberParser:
    """A Sybil parser: one example per line of prose with numbers, checked against its section."""

    def __init__(self, captions: dict[str, str]) -> None:
        self.captions = captions

    def __call__(self, document: Document) -> Iterable[Region]:
        if not code_blocks(document.text):
            return  # not a lesson: no code whose results the text could restate
        page = sections(document.text)
        by_line: dict[int, list[Number]] = {}
        for number in prose_numbers(document.text, self.captions):
            by_line.setdefault(number.line, []).append(number)
        for numbers in by_line.values():
            end = document.text.find("\n", numbers[0].at)
            end = len(document.text) if end < 0 else end
            yield Region(numbers[0].at, end, parsed=(numbers, page), evaluator=self.check)

    @staticmethod
    def check(example: Example) -> str | None:
        numbers, page = example.parsed
        missing = unfounded(numbers, page)
        if not missing:
            return None
        said = ", ".join(repr(number.text) for number in missing)
        return (
            f"the text says {said}, but the code of its section neither prints "
            f"{'it' if len(missing) == 1 else 'them'} (to the precision written) nor types "
            f"{'it' if len(missing) == 1 else 'them'} in"
        )
