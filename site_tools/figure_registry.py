"""Where the lessons' figures are declared and how a lesson asks for one: the one place.

The figures hook (``figures.py``) draws what ``docs/figures.yml`` declares and
serves it under ``figures/``; the lesson downloads (``notebooks.py``,
``lesson_pages.py``) embed the same figures. All of them read the registry,
its folder and the marker from here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

REGISTRY = "figures.yml"  # in docs_dir
SITE_FOLDER = "figures"  # where the SVGs are served
#: The line that shows a figure on a lesson page: ``<!-- figure: NAME -->``.
MARKER = re.compile(r"^<!--\s*figure:\s*(?P<name>\S+)\s*-->[ \t]*$", re.MULTILINE)
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"function", "arguments", "caption"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where built: 7x faster


def read_registry(path: Path) -> dict[str, dict[str, Any]]:
    """The figure declarations, checked: each has a function, arguments and a caption."""
    if not path.is_file():
        return {}  # a site without figures
    declared = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    if not isinstance(declared, dict):
        raise PluginError(f"{path}: expected figure names mapped to declarations")
    for name, declaration in declared.items():
        where = f"{path.name}: figure {name!r}"
        if not isinstance(name, str) or not _NAME.match(name):
            raise PluginError(f"{where}: names are lowercase words joined by dashes")
        if not isinstance(declaration, dict) or set(declaration) != _FIELDS:
            raise PluginError(f"{where}: give exactly {sorted(_FIELDS)}")
        if not str(declaration["function"]).startswith("draw_"):
            raise PluginError(f"{where}: function must be a draw_* function of lessonlib.plots")
        if not isinstance(declaration["arguments"], dict):
            raise PluginError(f"{where}: arguments must map parameter names to values")
    return declared
