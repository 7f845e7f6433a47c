"""MkDocs hook: draw the lessons' figures with `lessonlib.plots` when the site is built.

How to add a figure
-------------------
1. Write (or reuse) a ``draw_*`` function in a module of ``lessonlib/plots/`` that
   returns a matplotlib ``Figure`` and labels it with its alt text (``figure.set_label``):
   a sentence saying what it shows, values included, computed from lessonlib.
   List it in ``lessonlib/plots/__init__.py``'s ``__all__``.
2. Declare the figure in ``docs/figures.yml``, beside the lessons::

       relu-network:                  # the figure's name: letters, digits and dashes
         function: draw_network       # a draw_* function of lessonlib.plots
         arguments:                   # its keyword arguments, as plain YAML
           weights: {node_0: [3, 3], node_1: [1, 5], output: [2, -1]}
           input_data: [-1, 2]
           activation: relu           # activations by name
         caption: The ReLU network, drawn from its weights.   # prose only, no values

3. Put the marker ``<!-- figure: relu-network -->`` on a line of its own in the lesson.

The hook replaces the marker with ``<figure>``, an ``<img>`` whose alt text comes
from the drawing function (so it cannot drift from the picture) and a
``<figcaption>`` with the caption. The SVG is served at ``figures/<name>.svg``; it
joins MkDocs' file collection, so ``mkdocs build --strict`` checks every reference
to it. A marker naming no declared figure stops the build; a declared figure that
no page shows, or an SVG over 60 KB, is a warning (an error under ``--strict``).

How it runs
-----------
``on_files`` reads the registry; each figure is cached (under ``figures`` in the
build cache, see ``project.py``) by its declaration, with metadata saying what its
drawing used: the lessonlib functions that ran, the libraries and the drawing
tools (``dependencies.py``). A figure is reused while none of that has changed;
the others are drawn in one fresh Python (``figure_drawing.py``), each in its own
fork, side by side, so a change to ``lessonlib`` during ``mkdocs serve`` is drawn
with the new code, and an edit to a function that no figure ran redraws nothing.
The log says ``figures: 2 drawn, 7 reused``. ``LESSON_FIGURES=off`` skips the
figures and drops the markers (for benchmarks).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import posixpath
import re
import time
from pathlib import Path
from typing import Any

import dependencies
import project
import runners
from figure_registry import MARKER, REGISTRY, SITE_FOLDER, read_registry
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

log = get_plugin_logger("figures")

MAX_BYTES = 60_000
STALE_SECONDS = 3600  # an older drawing is removed an hour after it was made
_SHOWN_FIELDS = ("alt", "width", "height")  # what a page needs of a figure's metadata

# One build's state: name -> declaration with its drawn "alt", "width" and "height".
_figures: dict[str, dict[str, Any]] = {}
_shown: set[str] = set()
_enabled = True


def figure_key(declaration: dict[str, Any]) -> str:
    """The cache key of one figure: its drawing inputs, not its caption."""
    drawing = {"function": declaration["function"], "arguments": declaration["arguments"]}
    return hashlib.sha256(json.dumps(drawing, sort_keys=True).encode()).hexdigest()[:20]


def prepare(registry: Path, cache: Path, root: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """Draw the figures missing or stale in the cache; return all records and the count drawn.

    Each record is the declaration plus ``svg`` (its cached file), ``alt``, ``width`` and
    ``height``.
    """
    root = root.resolve()
    figures, metas, jobs = {}, {}, []
    for name, declaration in read_registry(registry).items():
        stem = cache / f"{name}-{figure_key(declaration)}"
        figures[name] = {**declaration, "svg": f"{stem}.svg"}
        metas[name] = _current_meta(Path(f"{stem}.svg"), Path(f"{stem}.json"), root)
        if metas[name] is None:
            jobs.append({"name": name, **figures[name], "meta": f"{stem}.json"})
    if jobs:
        cache.mkdir(parents=True, exist_ok=True)
        _draw_in_fresh_python(jobs, root)
        _prune(cache, figures)
    for job in jobs:
        metas[job["name"]] = json.loads(Path(job["meta"]).read_text(encoding="utf-8"))
    for name, record in figures.items():
        record.update({field: metas[name][field] for field in _SHOWN_FIELDS})
    return figures, len(jobs)


def _current_meta(svg: Path, meta: Path, root: Path) -> dict[str, Any] | None:
    """The metadata of a drawing still true to what it used, or None."""
    if not (svg.exists() and meta.exists()):
        return None
    drawn = json.loads(meta.read_text(encoding="utf-8"))
    return drawn if dependencies.is_current(drawn.get("used", {}), root) else None


def _draw_in_fresh_python(jobs: list[dict[str, Any]], root: Path) -> None:
    request = {"root": str(root), "jobs": jobs}
    runners.run(runners.FIGURES, root, request).finish("figures: drawing")


def _prune(cache: Path, figures: dict[str, dict[str, Any]]) -> None:
    """Remove older drawings of the declared figures, once no build can still be using them."""
    current = {Path(record["svg"]).stem for record in figures.values()}
    stale_before = time.time() - STALE_SECONDS
    for path in cache.glob("*-*.*"):
        name = path.stem.rsplit("-", 1)[0]
        if name not in figures or path.stem in current or path.suffix not in {".svg", ".json"}:
            continue
        with contextlib.suppress(OSError):  # another build may be pruning too
            if path.stat().st_mtime < stale_before:
                path.unlink()


def on_files(files: Files, *, config: Any) -> Files:
    global _enabled
    _figures.clear()
    _shown.clear()
    registry_file = files.get_file_from_path(REGISTRY)
    if registry_file is not None:
        files.remove(registry_file)  # a build input, not a page of the site
    _enabled = os.environ.get("LESSON_FIGURES", "on").lower() not in {"off", "0", "false", "no"}
    if not _enabled:
        log.info("off (LESSON_FIGURES), markers dropped")
        return files
    registry = Path(config.docs_dir) / REGISTRY
    root = project.root(config)
    figures, drawn = prepare(registry, project.cache_dir(root, "figures"), root)
    for name, record in figures.items():
        size = Path(record["svg"]).stat().st_size
        if size > MAX_BYTES:
            log.warning(f"figure {name!r} is {size} bytes, over the {MAX_BYTES} byte budget")
        uri = f"{SITE_FOLDER}/{name}.svg"
        files.append(File.generated(config, uri, abs_src_path=record["svg"]))
        _figures[name] = {**record, "uri": uri}
    log.info(f"{drawn} drawn, {len(figures) - drawn} reused")  # shown as "figures: ..."
    return files


def figure_markdown(record: dict[str, Any], page_uri: str) -> str:
    """The Markdown that shows one figure on a page: image, alt text and caption."""
    source = posixpath.relpath(record["uri"], posixpath.dirname(page_uri) or ".")
    # Markdown escapes; not \( or \), which arithmatex would read as the start of maths
    alt = re.sub(r"([\\`*_{}\[\]>!$])", r"\\\1", record["alt"])
    size = f'width="{record["width"]}" height="{record["height"]}"'
    return (
        '<figure class="lesson-figure" markdown="span">\n'
        f'![{alt}]({source}){{ {size} loading="lazy" }}\n'
        f"<figcaption>{html.escape(record['caption'])}</figcaption>\n"
        "</figure>"
    )


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if not _enabled:
            return ""
        if name not in _figures:
            raise PluginError(f"{page.file.src_uri}: no figure {name!r} in docs/{REGISTRY}")
        _shown.add(name)
        return figure_markdown(_figures[name], page.file.src_uri)

    return MARKER.sub(replace, markdown)


def on_post_build(*, config: Any) -> None:
    for name in sorted(set(_figures) - _shown):
        log.warning(f"figure {name!r} is declared in docs/{REGISTRY} but no page shows it")
