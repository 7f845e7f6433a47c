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
``on_files`` reads the registry and keys each figure by a hash of its inputs: its
declaration, the source of ``lessonlib/``, this file and the matplotlib and numpy
versions. Figures already in the cache (``.cache/figures``, or the directory in
``LESSON_FIGURES_CACHE``) are reused; the others are drawn in one fresh Python
process (run as ``python site_tools/figures.py``), so a change to ``lessonlib``
during ``mkdocs serve`` is drawn with the new code. The log says
``figures: 2 drawn, 7 reused``. ``on_serve`` watches ``lessonlib/`` and this file
for live reload (the registry and lessons are in ``docs/``, watched already).
``LESSON_FIGURES=off`` skips the figures and drops the markers (for benchmarks).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

log = get_plugin_logger("figures")

REGISTRY = "figures.yml"  # in docs_dir
SITE_FOLDER = "figures"  # where the SVGs are served
MAX_BYTES = 60_000
STALE_SECONDS = 3600  # an older drawing is removed an hour after it was made
MARKER = re.compile(r"^<!--\s*figure:\s*(?P<name>\S+)\s*-->[ \t]*$", re.MULTILINE)
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"function", "arguments", "caption"}

# One build's state: name -> declaration with its drawn "alt", "width" and "height".
_figures: dict[str, dict[str, Any]] = {}
_shown: set[str] = set()
_enabled = True


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def cache_dir(config: Any) -> Path:
    """Where drawn figures are kept between builds."""
    return Path(os.environ.get("LESSON_FIGURES_CACHE") or _root(config) / ".cache" / "figures")


def read_registry(path: Path) -> dict[str, dict[str, Any]]:
    """The figure declarations, checked: each has a function, arguments and a caption."""
    if not path.is_file():
        return {}  # a site without figures
    declared = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


def _source_digest(root: Path) -> Any:
    """A hash of everything that shapes a drawing besides its declaration."""
    digest = hashlib.sha256()
    for path in [*sorted((root / "lessonlib").rglob("*.py")), Path(__file__).resolve()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("matplotlib", "numpy"):
        digest.update(f"{package}=={version(package)}\0".encode())
    return digest


def figure_key(declaration: dict[str, Any], sources: Any) -> str:
    """The cache key of one figure: its drawing inputs, not its caption."""
    digest = sources.copy()
    drawing = {"function": declaration["function"], "arguments": declaration["arguments"]}
    digest.update(json.dumps(drawing, sort_keys=True).encode())
    return digest.hexdigest()[:20]


def prepare(registry: Path, cache: Path, root: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """Draw the figures missing from the cache; return every figure's record and the count drawn.

    Each record is the declaration plus ``svg`` (its cached file), ``alt``, ``width`` and
    ``height``.
    """
    declared = read_registry(registry)
    sources = _source_digest(root)
    figures, jobs = {}, []
    for name, declaration in declared.items():
        stem = cache / f"{name}-{figure_key(declaration, sources)}"
        figures[name] = {**declaration, "svg": f"{stem}.svg", "meta": f"{stem}.json"}
        if not (Path(f"{stem}.svg").exists() and Path(f"{stem}.json").exists()):
            jobs.append({"name": name, **figures[name]})
    if jobs:
        cache.mkdir(parents=True, exist_ok=True)
        _draw_in_fresh_python(jobs, root)
        _prune(cache, figures)
    for record in figures.values():
        record.update(json.loads(Path(record.pop("meta")).read_text(encoding="utf-8")))
    return figures, len(jobs)


def _draw_in_fresh_python(jobs: list[dict[str, Any]], root: Path) -> None:
    # No .pyc written into the watched lessonlib/: mkdocs serve would rebuild once more.
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve())],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise PluginError(f"figures: drawing failed:\n{done.stderr.strip()}")


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
    figures, drawn = prepare(registry, cache_dir(config), _root(config))
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


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    server.watch(str(_root(config) / "lessonlib"))
    server.watch(str(Path(__file__).resolve()))
    return server


def _draw(jobs: list[dict[str, Any]]) -> None:
    """Draw each job with lessonlib.plots; write its SVG and its alt text and size."""
    from lessonlib import plots

    for job in jobs:
        if job["function"] not in plots.__all__:
            sys.exit(f"figure {job['name']!r}: lessonlib.plots has no {job['function']}")
        try:
            figure = getattr(plots, job["function"])(**job["arguments"])
        except (TypeError, ValueError, KeyError) as error:
            sys.exit(f"figure {job['name']!r}: {type(error).__name__}: {error}")
        width, height = figure.get_size_inches() * 96  # CSS pixels
        meta = {"alt": plots.alt_text(figure), "width": round(width), "height": round(height)}
        _write(Path(job["svg"]), plots.to_svg(figure))
        _write(Path(job["meta"]), json.dumps(meta, sort_keys=True, ensure_ascii=False))


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: builds sharing a cache never read half a file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


if __name__ == "__main__":
    _draw(json.load(sys.stdin))
