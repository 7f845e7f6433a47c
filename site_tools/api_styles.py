"""MkDocs hook: mkdocstrings' stylesheet only on the pages that show mkdocstrings output.

mkdocstrings adds ``assets/_mkdocstrings.css`` (6.6 KB) to every page, and every page
fetches it on a first visit, though only the API page uses it. This hook takes it out
of ``extra_css`` and links it on the pages with a rendered docstring instead.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.plugins import event_priority

STYLESHEET = "assets/_mkdocstrings.css"
_RENDERED = 'class="doc doc-'  # mkdocstrings' markup for a documented object


@event_priority(-100)  # after mkdocstrings has added its stylesheet
def on_config(config: Any) -> Any:
    config.extra_css = [path for path in config.extra_css if str(path) != STYLESHEET]
    return config


def on_post_page(output: str, *, page: Any, **kwargs: Any) -> str:
    if _RENDERED not in output:
        return output
    here = posixpath.dirname(page.file.dest_uri) or "."
    link = f'<link rel="stylesheet" href="{posixpath.relpath(STYLESHEET, here)}">\n'
    return output.replace("</head>", link + "</head>", 1)
