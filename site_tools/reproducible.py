"""MkDocs hook: the same commit always builds the same bytes.

MkDocs itself takes the sitemap's dates and the gzip header's time from
``SOURCE_DATE_EPOCH`` when it is set. One thing in the build is random: the
notebook pages of mkdocs-jupyter give every cell an ``id="cell-id=…"``
made of random hex digits (nbformat draws a new id for each cell of a
jupytext script). Nothing links to those ids, so this hook numbers the cells
of each page in order instead. ``tests/test_reproducible.py`` builds twice
and compares every byte.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

_CELL_ID = re.compile(r'\bid="cell-id=[0-9a-f]+"')


def on_post_page(output: str, **kwargs: Any) -> str:
    numbers = itertools.count(1)
    return _CELL_ID.sub(lambda match: f'id="cell-id={next(numbers)}"', output)
