"""MkDocs hook: run a lab again only when something it used changed, and labs side by side.

mkdocs-jupyter renders the labs (``docs/labs/lab-*.py``) and, with ``cache: true``,
keeps each rendered page under a key made of the lab's source and the plugin's
options. That key misses what a lab imports: an edit to lessonlib, or a new numpy,
would not run it again. This hook adds the rest:

- ``on_config`` puts the plugin's cache in the build cache (``project.py``);
- beside each cached page, ``lab_runner.py`` keeps what its run used: the lessonlib
  functions that ran in the lab's kernel, the libraries loaded there and by the
  renderer, and the runner and nbconvert configuration (``dependencies.py``);
- ``on_files`` drops a cached page whose record no longer holds, then starts one
  fresh Python (``lab_runner.py``) that renders the labs to run again, side by side,
  through the plugin's own code, and fills the cache the plugin then reads. The
  build goes on meanwhile: the figures are drawn, the lessons rendered; the first lab
  page waits for the runner. The log says ``labs: 1 to run, 2 reused``.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import dependencies
import project
import runners
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs_jupyter.plugin import NotebookFile, _compute_cache_key, _get_cache_path

log = get_plugin_logger("labs")

PLUGIN = "mkdocs-jupyter"
_running: dict[str, runners.Runner] = {}  # the runner this build started, until it is done


def on_config(config: Any) -> Any:
    options = _options(config)
    if options is not None:
        options["cache_dir"] = str(project.cache_dir(project.root(config), "labs"))
    return config


def on_files(files: Files, *, config: Any) -> Files:
    if _running:  # an earlier build under mkdocs serve stopped before its labs' pages
        with contextlib.suppress(PluginError):  # this build decides again what to run
            _finish()
    options = _options(config)
    if options is None:
        return files
    root = project.root(config)
    labs = [file for file in files if isinstance(file, NotebookFile)]
    jobs = []
    for lab in labs:
        page = cached_page(lab.abs_src_path, options)
        if not _reuse(page, root):
            where = {"abs_src_path": lab.abs_src_path, "src_path": lab.src_path}
            jobs.append({**where, "page": str(page)})
    if jobs:
        _start({"root": str(root), "options": dict(options), "jobs": jobs}, root)
    log.info(f"{len(jobs)} to run, {len(labs) - len(jobs)} reused")  # shown as "labs: ..."
    return files


def on_pre_page(page: Any, **kwargs: Any) -> Any:
    if isinstance(page.file, NotebookFile):
        _finish()  # the plugin reads the page from the cache the runner fills
    return page


def on_post_build(*, config: Any) -> None:
    """Drop the records of pages the plugin evicted from its cache."""
    options = _options(config)
    if options is None:
        return
    for used in Path(options["cache_dir"]).glob("*.used"):
        if not used.with_suffix(".json").exists():
            with contextlib.suppress(OSError):
                used.unlink()


def cached_page(path: str, options: dict[str, Any]) -> Path:
    """Where the plugin keeps the rendered page of the lab at ``path``."""
    executed = options["execute"] and not any(
        Path(path).match(pattern) for pattern in options["execute_ignore"]
    )
    return Path(_get_cache_path(options["cache_dir"], _compute_cache_key(path, options, executed)))


def _reuse(page: Path, root: Path) -> bool:
    """True if the cached page is still true to what its run used; else drop it."""
    used = page.with_suffix(".used")
    if (
        page.exists()
        and used.exists()
        and dependencies.is_current(json.loads(used.read_text(encoding="utf-8")), root)
    ):
        return True
    page.unlink(missing_ok=True)
    used.unlink(missing_ok=True)
    return False


def _options(config: Any) -> dict[str, Any] | None:
    """The mkdocs-jupyter options, when it executes labs and keeps a cache."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not (plugin.config["execute"] and plugin.config["cache"]):
        return None
    return plugin.config  # type: ignore[no-any-return]


def _start(request: dict[str, Any], root: Path) -> None:
    _running["runner"] = runners.run(runners.LABS, root, request)


def _finish() -> None:
    """Wait for the runner, if one is running; stop the build if a lab failed."""
    if _running:
        _running.pop("runner").finish("labs: running")
