"""One Sybil configuration for the lessons and the docstrings.

- Every ``python`` fence under ``docs/`` runs on its own and must print exactly
  the ``output`` fence below it (site_tools/checked_output.py).
- Every ``>>>`` example in a ``lessonlib`` docstring runs as a doctest.
"""

import matplotlib
from checked_output import OPTION_FLAGS, CheckedOutputParser
from sybil import Sybil
from sybil.parsers.rest import DocTestParser

matplotlib.use("Agg")  # lessons and docstrings never open a window

lessons = Sybil(parsers=[CheckedOutputParser()], path="docs", patterns=["*.md"], name="lessons")
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=OPTION_FLAGS)],
    path="lessonlib",
    patterns=["*.py"],
    name="docstrings",
)

pytest_collect_file = (lessons + docstrings).pytest()
