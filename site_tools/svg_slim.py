"""MkDocs hook: serve the figures' SVGs through scour, the SVG optimizer, a third lighter.

A reader who scrolls to the end of a lesson loads every figure on it, and the heaviest
lesson (two figures) went over the 500 KB a page may weigh. Matplotlib's SVG carries
indentation, an RDF metadata block, ids on every group, long glyph ids and six-digit
coordinates; scour drops what does not change the picture and writes each number with
5 significant digits (a figure is 460 by 288 points: every coordinate keeps two
decimals). The optimized
file replaces the drawn one in the build, so the pages and the notebooks both get it.

scour takes about 0.15 s a figure, so each result is kept in the build cache
(``project.cache_dir``, ``svg-slim/``) by a hash of the SVG and scour's version: a
rebuild reuses it.
"""

from __future__ import annotations

import hashlib
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import project
from figure_registry import SITE_FOLDER
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from scour import scour


def options() -> Any:
    """scour's options: everything that keeps the drawing, no pretty-printing."""
    chosen = scour.sanitizeOptions()
    chosen.digits = 5
    chosen.strip_ids = True  # only the ids nothing refers to
    chosen.shorten_ids = True  # the glyphs' ids, named on every use of a glyph
    chosen.quiet = True
    chosen.remove_metadata = True
    chosen.strip_xml_prolog = True
    chosen.newlines = False
    chosen.indent_type = "none"
    return chosen


def slim(svg: str, cache: Path) -> str:
    """``svg`` optimized by scour, from ``cache`` when it was optimized before."""
    key = hashlib.sha256(f"{version('scour')}\0{svg}".encode()).hexdigest()[:24]
    cached = cache / f"{key}.svg"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    slimmed: str = scour.scourString(svg, options())
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=cache, delete=False, encoding="utf-8") as out:
        out.write(slimmed)
    Path(out.name).replace(cached)  # whole or not at all: builds may share the cache
    return slimmed


@event_priority(-10)  # after site_tools/figures.py has added the SVGs, before lesson_pages.py
def on_files(files: Files, *, config: Any) -> Files:
    cache = project.cache_dir(project.root(config), "svg-slim")
    for file in list(files):
        if file.src_uri.startswith(f"{SITE_FOLDER}/") and file.src_uri.endswith(".svg"):
            files.remove(file)
            content = slim(file.content_string, cache)
            files.append(File.generated(config, file.src_uri, content=content))
    return files
