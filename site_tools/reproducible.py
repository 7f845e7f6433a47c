"""MkDocs hook: the same commit always builds the same bytes.

MkDocs itself takes the sitemap's dates and the gzip header's time from
``SOURCE_DATE_EPOCH`` when it is set. Two things in the notebook pages of
mkdocs-jupyter are left to chance, and this hook pins both:

- Every cell gets an ``id="cell-id=…"`` of random hex digits (nbformat draws
  a new id for each cell of a jupytext script). Nothing links to those ids,
  so the cells of each page are numbered in order instead.
- A cell that prints, works, then prints again may have its text split into
  several outputs or kept in one, depending on when the kernel flushed. This
  hook puts ``site_tools/jupyter_config`` on ``JUPYTER_CONFIG_PATH``; the
  nbconvert configuration there (which mkdocs-jupyter loads, as it loads a
  user's) merges each cell's printed text into one output after the run.

``tests/test_reproducible.py`` builds twice and compares every byte.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Any

JUPYTER_CONFIG = Path(__file__).resolve().parent / "jupyter_config"
_CELL_ID = re.compile(r'\bid="cell-id=[0-9a-f]+"')


def on_config(config: Any, **kwargs: Any) -> Any:
    paths = [str(JUPYTER_CONFIG), *filter(None, [os.environ.get("JUPYTER_CONFIG_PATH")])]
    os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    return config


def on_post_page(output: str, **kwargs: Any) -> str:
    if 'id="cell-id=' not in output:
        return output  # not a notebook page: no need to scan it
    numbers = itertools.count(1)
    return _CELL_ID.sub(lambda match: f'id="cell-id={next(numbers)}"', output)
