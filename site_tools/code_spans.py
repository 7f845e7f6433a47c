"""MkDocs hook: drop the highlighting spans that change nothing a reader sees.

Pygments wraps every token of a code block in a ``<span>`` named for its kind. Two kinds
look exactly like the text around them: a plain name (``n``) and white space (``w``).
Material colours ``.highlight .n`` with ``--md-code-hl-name-color``, which both its
palettes set to the code's own colour; the labs' notebook styles name no ``.n`` at all,
and give ``.w`` the colour of the text around it. No stylesheet of the site gives either
a font, a background or a box. So the two spans go, their text stays: on lab 3 that is
685 spans, 17 KB of its HTML. ``tests/test_light_pages.py`` checks the stylesheets
still say so.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority

UNSEEN = ("n", "w")  # pygments' short names: Name, Whitespace
_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_UNSEEN_SPAN = re.compile(rf'<span class="(?:{"|".join(UNSEEN)})">([^<]*)</span>')


def unwrapped(html: str) -> str:
    """``html`` with the spans of ``UNSEEN`` inside each ``<pre>`` replaced by their text."""
    return _PRE.sub(lambda match: _UNSEEN_SPAN.sub(r"\1", match[0]), html)


@event_priority(-90)  # after the hooks that write code into the page
def on_post_page(output: str, **kwargs: Any) -> str:
    return unwrapped(output)
