"""MkDocs hook: every lesson and lab page says, in one quiet line, what checked its outputs.

A reader on another numpy can then tell whether a difference is theirs or ours. The line
states only what ran: the test run writes a record of the pages it checked and with which
versions (``checked_record.py``), and this hook reads it. A page with no record, or one
edited since, says plainly that its outputs were not checked in this build. The line
depends only on the record and the sources, never on the clock, so two builds of the same
commit with the same record stay byte-identical.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from checked_record import stamp
from notebooks import is_lesson


def on_page_content(html_text: str, *, page: Any, config: Any, **kwargs: Any) -> str:
    """Add the stamp at the end of a lesson (Markdown with code) or a lab (a notebook page)."""
    src_uri = page.file.src_uri
    if src_uri.endswith(".md") and not is_lesson(page.file.content_string):
        return html_text
    root = Path(config.config_file_path).resolve().parent
    line = html.escape(stamp(root, src_uri))
    return html_text + (
        f'\n<p class="checked-with" data-search-exclude="checked-with"><small>{line}</small></p>\n'
    )
