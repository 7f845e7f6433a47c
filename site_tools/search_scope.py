"""MkDocs hook: keep code blocks out of the search index, so every page stays light.

Every page fetches the whole search index as soon as it loads, and half of the
index's text was code: the lessons' blocks and outputs, the API page's examples
and the labs' cells. Search is for finding a topic; the code is on the page it
leads to, and each function keeps its name in the API page's headings and in the
prose that mentions it. So every highlighted block gets Material's
``data-search-exclude`` mark, which the search plugin reads and then strips.
"""

from __future__ import annotations

import re
from typing import Any

#: The opening tag of a block of code: Pygments' <div class="highlight">, mkdocstrings'
#: "doc-signature highlight", a lab's input and output areas and the copy of each cell's
#: source that mkdocs-jupyter keeps for its copy button, and any <pre>.
_CODE_BLOCK = re.compile(
    r'<div class="(?:[^"]* )?(?:highlight|jp-InputArea|jp-OutputArea|clipboard-copy-txt)'
    r'(?: [^"]*)?"|<pre\b'
)


def on_page_content(html: str, **kwargs: Any) -> str:
    return _CODE_BLOCK.sub(lambda match: f'{match[0]} data-search-exclude="code"', html)
