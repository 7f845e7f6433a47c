"""Numbers in the prose of a lesson: each one restates what the page prints or types in.

The rule, which the maintainers' page states too:

- Every number written in a lesson's text (sentences, lists, tables, formulas,
  and the captions of its figures) must be one that the page's code prints, in
  an ``output`` fence, to the precision the text writes it (a number followed
  by "…" has its digits cut, not rounded), or one that the page's code types
  in: a number written in one of its ``python`` fences, an input.
- Exempt is only a number right after one of the words in `NAMING`: it names
  a part of the site or of a network ("chapter 3", "lab 1", "layer 2").

So a sentence that restates a result fails as soon as the result changes, or
the sentence does. Timings (``output-varies`` fences) count as nothing printed:
the text never states a timing. The check is static, and fast: the output
fences are themselves checked against the code by ``checked_output.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from lesson_source import OUTPUT_LANGUAGES, code_blocks
from sybil import Document, Example, Region

#: Words after which a number names a part, not a value.
NAMING = ("chapter", "lab", "exercise", "layer", "node", "input", "part")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w-]*)")
# Spans that are not read as prose: link targets, attribute lists, HTML tags and
# comments, and the sub- and superscripts of formulas (indices and powers).
_NOT_PROSE = re.compile(
    r"\]\([^)]*\)|\{[:#.%][^}]*\}|\{ [^}]*\}|<!--.*?-->|<[^>\n]+>"
    r"|[_^]\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[_^]\\?[\w']+"
)
_MINUS = "-\u2212"  # hyphen-minus and the minus sign
_NUMBER = re.compile(
    rf"(?<![\w.\\])(?P<sign>[{_MINUS}](?=\d))?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<fraction>\.\d+)?(?P<exponent>[eE][-+]?\d+)?"
    r"(?P<cut>…|\.\.\.)?(?:st|nd|rd|th)?(?![\w])"  # 10,000th is 10,000
)
_FIGURE = re.compile(r"^<!--\s*figure:\s*(?P<name>\S+)\s*-->")  # as site_tools/figures.py reads it
_NAMED = re.compile(rf"\b(?:{'|'.join(NAMING)})s?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """One number as written: its text, value and the decimals it shows."""

    text: str
    value: float
    decimals: int  # decimal places written (0 for whole numbers, -11 for 8e+11)
    cut: bool  # written with "…": its further digits were cut off, not rounded
    start: int  # offset in the page (in its figure's caption, for a caption)
    line: int
    caption: str = ""  # the figure whose caption holds the number, if any

    def restates(self, other: float) -> bool:
        """True when ``other``, written to this number's precision, reads as this number."""
        if self.decimals == 0 and not self.cut and abs(self.value) >= 1e4:
            return math.isclose(other, self.value, rel_tol=0, abs_tol=0.5)
        place = Decimal(1).scaleb(-self.decimals)
        written = Decimal(str(self.value)).quantize(place)
        modes = (ROUND_DOWN,) if self.cut else (ROUND_HALF_UP, ROUND_HALF_EVEN)
        return any(Decimal(repr(other)).quantize(place, mode) == written for mode in modes)


def numbers_in(text: str, start: int = 0, prose: bool = False) -> Iterator[Number]:
    """Every number in ``text``; in prose, a sign counts only where it cannot be a subtraction."""
    for match in _NUMBER.finditer(text):
        sign = match["sign"] or ""
        if sign and prose and re.search(r"[\d)\]}]\s*$", text[: match.start()]):
            sign = ""  # "3 - 4": a subtraction, so the number is 4
        digits = match["digits"].replace(",", "")
        written = f"{digits}{match['fraction'] or ''}{match['exponent'] or ''}"
        value = -float(written) if sign else float(written)
        exponent = int(match["exponent"][1:]) if match["exponent"] else 0
        decimals = len(match["fraction"] or ".") - 1 - exponent  # 8e+11 is written to 1e+11
        offset = start + match.start() + (len(match["sign"] or "") - len(sign))
        line = text.count("\n", 0, match.start()) + 1
        yield Number(match[0], value, decimals, bool(match["cut"]), offset, line)


def prose_numbers(text: str, captions: dict[str, str] | None = None) -> list[Number]:
    """The numbers in a lesson's prose, with their lines; figure markers read as their captions."""
    found, fence = [], None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening[1]
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif marker := _FIGURE.match(line):
            caption = (captions or {}).get(marker[1], "")
            found += [_at(value, number, marker[1]) for value in _readable_numbers(caption, 0)]
        elif fence is None:
            found += [_at(value, number) for value in _readable_numbers(line, offset)]
        offset += len(line)
    return found


def _at(number: Number, line: int, caption: str = "") -> Number:
    return Number(
        number.text, number.value, number.decimals, number.cut, number.start, line, caption
    )


def _readable_numbers(text: str, offset: int) -> list[Number]:
    readable = _NOT_PROSE.sub(lambda span: " " * len(span[0]), text)
    return [
        number
        for number in numbers_in(readable, offset, prose=True)
        if not _NAMED.search(readable[: number.start - offset])
    ]


def page_values(text: str) -> tuple[list[float], list[float]]:
    """What the page prints (its output fences) and what its code types in (its python fences)."""
    printed: list[float] = []
    typed: list[float] = []
    for language, body in _fenced(text):
        if language == "python":
            written = re.sub(r"(?<=\d)_(?=\d)", "", body)  # 100_000 is 100000
            typed += [number.value for number in numbers_in(written)]
        elif language in OUTPUT_LANGUAGES[:1]:  # not output-varies: timings are never restated
            printed += [number.value for number in numbers_in(body)]
    return printed, typed


def _fenced(text: str) -> Iterator[tuple[str, str]]:
    language, fence, body = "", None, []
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence, language, body = opening[1], opening[2], []
        elif fence is not None and line.strip().startswith(fence):
            yield language, "".join(body)
            fence = None
        elif fence is not None:
            body.append(line)


def unfounded(numbers: Iterable[Number], printed: list[float], typed: list[float]) -> list[Number]:
    """The numbers that the page neither prints nor types in."""
    return [
        number
        for number in numbers
        if not any(number.restates(value) for value in printed)
        and not any(number.value == value for value in typed)
    ]


class ProseNumberParser:
    """A Sybil parser: one example per line of prose with numbers, each checked against the page."""

    def __init__(self, captions: dict[str, str]) -> None:
        self.captions = captions

    def __call__(self, document: Document) -> Iterable[Region]:
        if not code_blocks(document.text):
            return  # not a lesson: no code whose results the text could restate
        printed, typed = page_values(document.text)
        by_line: dict[int, list[Number]] = {}
        for number in prose_numbers(document.text, self.captions):
            by_line.setdefault(number.line, []).append(number)
        for line, numbers in by_line.items():
            start = _line_start(document.text, line)
            end = document.text.find("\n", start)
            end = len(document.text) if end < 0 else end
            yield Region(start, end, parsed=(numbers, printed, typed), evaluator=self.check)

    @staticmethod
    def check(example: Example) -> str | None:
        numbers, printed, typed = example.parsed
        missing = unfounded(numbers, printed, typed)
        if not missing:
            return None
        said = ", ".join(repr(number.text) for number in missing)
        return (
            f"the text says {said}, but the page's code neither prints "
            f"{'that number' if len(missing) == 1 else 'those numbers'}, to the precision "
            "written, nor types it in"
        )


def _line_start(text: str, line: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start
