"""MkDocs hook: the project's folders as the build sees them, in one place.

- The root is the folder of ``mkdocs.yml``; ``lessonlib/`` and ``site_tools/`` sit in it.
- What a build makes once and reuses (drawn figures, executed labs, compiled
  templates) is kept under
  ``.cache/`` in the root, or under the folder named by ``LESSON_CACHE`` (tests and
  benchmarks give each build its own).
- Under ``mkdocs serve``, an edit to ``lessonlib/`` or ``site_tools/`` rebuilds the
  site as an edit under ``docs/`` does: lessonlib's docstrings are the API page and
  its code draws the figures and runs in the labs, and the drawing and lab runners
  start afresh from ``site_tools/`` (``runners.py``, which also stops their spares
  when MkDocs stops).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import runners
from code_notes import PACKAGE

CACHE_ENV = "LESSON_CACHE"
WATCHED = (PACKAGE, "site_tools")


def root(config: Any) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def cache_dir(root: Path, kind: str) -> Path:
    """Where the build keeps what it made of ``kind`` ("figures", "labs") between builds."""
    return Path(os.environ.get(CACHE_ENV) or root / ".cache").resolve() / kind


def compiled_templates(root: Path, kind: str) -> jinja2.BytecodeCache:
    """Jinja's cache of compiled templates, one folder per kind of environment.

    Jinja checks a template's source before it reuses its code, and each kind
    ("theme", "mkdocstrings", "nbconvert") keeps its own, since how an environment
    compiles (autoescaping, extensions) is its own.
    """
    folder = cache_dir(root, "templates") / kind
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def write_whole(path: Path, text: str) -> None:
    """Write whole or not at all: builds sharing a cache never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def on_startup(*, command: str, dirty: bool) -> None:
    runners.serving["on"] = command == "serve"  # then each runner starts a spare


def on_post_build(*, config: Any) -> None:
    runners.start_spares(root(config))


def on_shutdown() -> None:
    runners.stop_spares()


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    for folder in WATCHED:
        server.watch(str(root(config) / folder))
    return server
