"""MkDocs hook: keep code blocks, and the labs' running text, out of the search index.

Every page fetches the whole search index as soon as it loads, and half of the
index's text was code: the lessons' blocks and outputs, the API page's examples
and the labs' cells. Search is for finding a topic; the code is on the page it
leads to, and each function keeps its name in the API page's headings and in the
prose that mentions it. So every highlighted block gets Material's
``data-search-exclude`` mark, which the search plugin reads and then strips.

A lab's running text restates its lessons and would add 31 KB to every page's
first visit, so a lab is found by its headings: "Exercise 2: count the dead nodes".
Its paragraphs, lists, tables and folds are marked too. Material's search parser
ends an exclusion at the first closing tag of the same name, so only elements that
do not nest in themselves are marked (a list in a list would leak its tail).
"""

from __future__ import annotations

import re
from typing import Any

#: The opening tag of a block of code: Pygments' <div class="highlight">, mkdocstrings'
#: "doc-signature highlight", a lab's output areas and the copy of each cell's source
#: that mkdocs-jupyter keeps for its copy button, and any <pre>.
_CODE_BLOCK = re.compile(
    r'<div class="(?:[^"]* )?(?:highlight|jp-OutputArea|clipboard-copy-txt)(?: [^"]*)?"|<pre\b'
)
#: The opening tag of a lab's running text, its copy buttons and its headings' "¶" links.
_LAB_TEXT = re.compile(
    r'<(?:p|ul|ol|table|details|section|blockquote|clipboard-copy)\b|<a class="anchor-link"'
)


def on_page_content(html: str, *, page: Any, **kwargs: Any) -> str:
    html = _CODE_BLOCK.sub(lambda match: f'{match[0]} data-search-exclude="code"', html)
    if page.file.src_uri.startswith("labs/"):
        html = _LAB_TEXT.sub(lambda match: f'{match[0]} data-search-exclude="lab text"', html)
    return html
