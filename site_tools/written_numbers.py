"""Numbers as they are written: in text, to the precision shown, and in code, as literals.

`numbers_in` reads the numbers of a text (prose or an ``output`` fence) with the
decimal places each is written to, so that a printed 0.3125 can be told to restate
as "0.31" but not as "0.32". `literals` reads the numbers that Python code types in.
``prose_numbers.py`` holds the rule that ties the two together on a lesson page.
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

NUMBER = re.compile(
    r"(?<![\w.\\])(?<![A-Za-z]-)(?P<sign>[-\u2212](?=\d))?"  # not in lab-1-basics.py
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<fraction>\.\d+)?(?P<exponent>[eE][-+]?\d+)?"
    r"(?P<cut>…|\.\.\.)?(?:st|nd|rd|th)?(?![\w])(?!-[A-Za-z])"  # 10,000th is 10,000; 1-D is a word
)


@dataclass(frozen=True)
class Number:
    """One number as written: its text, value and the decimal places it shows."""

    text: str
    value: float
    decimals: int  # decimal places written (0 for whole numbers, -11 for 8e+11)
    cut: bool  # written with "…": its further digits were cut off, not rounded
    start: int  # offset in the page, or in its figure's caption for a caption
    line: int = 0
    caption: str = ""  # the figure whose caption holds the number, if any
    at: int = 0  # offset in the page of the line that holds it (the marker, for a caption)

    def restates(self, other: float) -> bool:
        """True when ``other``, written to this number's precision, reads as this number."""
        place = Decimal(1).scaleb(-self.decimals)
        written = Decimal(str(self.value)).quantize(place)
        modes = (ROUND_DOWN,) if self.cut else (ROUND_HALF_UP, ROUND_HALF_EVEN)
        return any(Decimal(repr(other)).quantize(place, mode) == written for mode in modes)


def numbers_in(text: str, start: int = 0, prose: bool = False) -> Iterator[Number]:
    """Every number in ``text``; in prose, a sign counts only where it cannot be a subtraction."""
    for match in NUMBER.finditer(text):
        sign = match["sign"] or ""
        if sign and prose and re.search(r"[\d)\]}]\s*$", text[: match.start()]):
            sign = ""  # "3 - 4": a subtraction, so the number is 4
        written = f"{match['digits'].replace(',', '')}{match['fraction'] or ''}"
        value = float(written + (match["exponent"] or ""))
        exponent = int(match["exponent"][1:]) if match["exponent"] else 0
        decimals = len(match["fraction"] or ".") - 1 - exponent  # 8e+11 is written to 1e+11
        offset = start + match.start() + (len(match["sign"] or "") - len(sign))
        yield Number(
            match[0][len(match["sign"] or "") - len(sign) :],
            -value if sign else value,
            decimals,
            bool(match["cut"]),
            offset,
        )


def literals(source: str) -> list[float]:
    """The numbers a block of code types in: its numeric literals, with the sign of ``-3``.

    Numbers inside strings and comments are text, not inputs, so they do not count.
    """
    values: list[float] = []
    significant: list[tokenize.TokenInfo] = []  # the tokens so far, without comments and lines
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NUMBER:
                value = float(token.string.replace("_", "").rstrip("jJ"))
                values.append(-value if _negated(significant) else value)
            if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
                significant.append(token)
    except (tokenize.TokenError, SyntaxError):  # not Python, such as a snippet line: no inputs
        return []
    return values


def _negated(before: list[tokenize.TokenInfo]) -> bool:
    """True when the tokens before a number end in a minus that negates it: ``[-3``, not ``5 - 3``.

    A minus after an operand (a name, a number, a string, a closing bracket) subtracts.
    """
    if not before or before[-1].string != "-":
        return False
    operand = len(before) > 1 and (
        before[-2].type in (tokenize.NUMBER, tokenize.STRING)
        or (before[-2].type == tokenize.NAME and not keyword.iskeyword(before[-2].string))
        or before[-2].string in ")]}"
    )
    return not operand
