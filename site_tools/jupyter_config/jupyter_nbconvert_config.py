"""nbconvert configuration that mkdocs-jupyter loads when it runs the labs.

``site_tools/reproducible.py`` puts this folder on ``JUPYTER_CONFIG_PATH``.

- First, before a lab runs, ``lab_layout.SolutionsInPlace`` puts each reference
  solution in place of the learner's cell, folded under its exercise, and leaves
  out the appendix of solutions that the downloaded lab ends with.
- After a notebook has run, each cell's printed text is merged into one output,
  so the page does not depend on when the kernel flushed its output (a cell that
  prints, works, then prints again gave one output or two).
"""

import sys
from pathlib import Path

from nbconvert.exporters import Exporter

SITE_TOOLS = str(Path(__file__).resolve().parent.parent)
if SITE_TOOLS not in sys.path:
    sys.path.insert(0, SITE_TOOLS)
from lab_layout import SolutionsInPlace  # noqa: E402

c = get_config()  # type: ignore[name-defined]  # noqa: F821  (nbconvert's config loader)
c.SolutionsInPlace.enabled = True
c.CoalesceStreamsPreprocessor.enabled = True
# The default preprocessors run before the notebook executes; repeat the merge after it.
c.Exporter.default_preprocessors = [
    SolutionsInPlace,
    *Exporter().default_preprocessors,
    "nbconvert.preprocessors.CoalesceStreamsPreprocessor",
]
