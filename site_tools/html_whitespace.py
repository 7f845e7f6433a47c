"""MkDocs hook: drop the indentation between tags from every page, which nobody sees.

Templates (Material's, mkdocstrings') indent their markup; on the API page that was
22 KB of spaces, fetched on every visit. A run of white space between two tags that
holds a line break renders as one space at most, so it becomes one line break: the page
looks the same. Inside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``, where
white space is content, nothing changes.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority

# A kept element whole, or a line-breaking run of white space between two tags.
_KEPT_OR_SPACE = re.compile(
    r"(?P<kept><(?P<tag>pre|textarea|script|style)\b.*?</(?P=tag)\s*>)"
    r"|(?<=>)[ \t\r\n]*\n[ \t\r\n]*(?=<)",
    re.DOTALL | re.IGNORECASE,
)


def collapsed(html: str) -> str:
    """``html`` with every line-breaking run of white space between tags made one line break."""
    return _KEPT_OR_SPACE.sub(lambda match: match["kept"] or "\n", html)


@event_priority(-100)  # after every other hook has written into the page
def on_post_page(output: str, **kwargs: Any) -> str:
    return collapsed(output)
