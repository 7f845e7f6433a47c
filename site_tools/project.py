"""MkDocs hook: the project's folders as the build sees them, in one place.

- The root is the folder of ``mkdocs.yml``; ``lessonlib/`` and ``site_tools/`` sit in it.
- What a build makes once and reuses (drawn figures, executed labs) is kept under
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

import runners

CACHE_ENV = "LESSON_CACHE"
WATCHED = ("lessonlib", "site_tools")


def root(config: Any) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


def cache_dir(config: Any, kind: str) -> Path:
    """Where the build keeps what it made of ``kind`` ("figures", "labs") between builds."""
    return Path(os.environ.get(CACHE_ENV) or root(config) / ".cache").resolve() / kind


def write_whole(path: Path, text: str) -> None:
    """Write whole or not at all: builds sharing a cache never read half a file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def on_startup(*, command: str, dirty: bool) -> None:
    runners.serving["on"] = command == "serve"  # then each runner starts a spare


def on_shutdown() -> None:
    runners.stop_spares()


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    for folder in WATCHED:
        server.watch(str(root(config) / folder))
    return server
