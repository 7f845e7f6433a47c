"""MkDocs hook: turn the LaTeX in the lessons into MathML when the site is built.

``pymdownx.arithmatex`` (generic mode) marks each formula; this hook swaps the
marked LaTeX for MathML from ``latex2mathml``. Browsers draw MathML natively,
so the site needs no math JavaScript and no CDN, and works offline.
"""

from __future__ import annotations

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


def _to_mathml(match: re.Match[str]) -> str:
    latex = html.unescape(match["inline"] if match["inline"] is not None else match["block"])
    display = "block" if match["block"] is not None else "inline"
    mathml = convert(latex.strip(), display=display)
    return f'<{match["tag"]} class="arithmatex">{mathml}</{match["tag"]}>'


def on_page_content(html_text: str, **kwargs: Any) -> str:
    return _MATH.sub(_to_mathml, html_text)
