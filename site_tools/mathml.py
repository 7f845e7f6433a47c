"""MkDocs hook: turn the LaTeX in the lessons into MathML when the site is built.

``pymdownx.arithmatex`` (generic mode) marks each formula; this hook swaps the
marked LaTeX for MathML from ``latex2mathml``. Browsers draw MathML natively,
so the site needs no math JavaScript and no CDN, and works offline.

A minus sign that negates a number (``(-1)``, ``= -13``) is grouped with its
number first: latex2mathml leaves it in the formula's flat row, where the
browser spaces it like a subtraction, with a gap on each side.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from latex2mathml.converter import convert

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*'
    r"(?:\\\((?P<inline>.+?)\\\)|\\\[(?P<block>.+?)\\\])"
    r"\s*</(?P=tag)>",
    re.DOTALL,
)

# A minus with no operand before it: at the start, or after an opening bracket,
# a relation, a comma or a product sign.
_NEGATIVE_NUMBER = re.compile(r"(^|[(\[{=,]|\\times|\\cdot)(\s*)-(\d+(?:\.\d+)?)")


def group_negative_numbers(latex: str) -> str:
    """Write ``-1`` as ``{-1}`` where the minus negates, so MathML draws it as a sign.

    >>> group_negative_numbers("2 (-1) = -2 - 3")
    '2 ({-1}) = {-2} - 3'
    """
    return _NEGATIVE_NUMBER.sub(r"\1\2{-\3}", latex)


def _to_mathml(match: re.Match[str]) -> str:
    latex = html.unescape(match["inline"] if match["inline"] is not None else match["block"])
    display = "block" if match["block"] is not None else "inline"
    return f'<{match["tag"]} class="arithmatex">{_mathml(latex, display)}</{match["tag"]}>'


@functools.lru_cache(maxsize=4096)  # under mkdocs serve, each formula is converted once
def _mathml(latex: str, display: str) -> str:
    return convert(group_negative_numbers(latex.strip()), display=display)


def on_page_content(html_text: str, **kwargs: Any) -> str:
    return _MATH.sub(_to_mathml, html_text)
