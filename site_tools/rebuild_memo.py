"""MkDocs hook: under ``mkdocs serve``, keep what the next rebuild would only redo the same.

After every save MkDocs loads ``mkdocs.yml`` and builds the whole site again, in
the same process; hooks are loaded once per process, so what they keep lasts from
one rebuild to the next. A profile of the rebuild after a lesson edit (labs and
figures reused) showed three costs that repeat with unchanged inputs. Each is kept
here by those inputs, so a rebuild writes the same bytes as a clean build:

- Jinja compiles every template again, Material's for each page and mkdocstrings'
  for the API page: each environment gets a bytecode cache in the build cache
  (``project.compiled_templates``, Jinja's own, which checks a template's source
  before it reuses its code), so even a fresh process compiles nothing twice;
- mkdocstrings-python renders each object of the API page from its templates: the
  HTML and headings of an object are kept by the object, its options, its page and
  the text of lessonlib, ``mkdocs.yml`` and the docstrings' Markdown extension
  (griffe still collects lessonlib: the links between names need it). An object
  that logged a warning is not kept, so ``--strict`` sees the warning every time;
- mkdocstrings-python formats each long signature by running ``ruff format`` in a
  subprocess (33 per build): the result is kept by its inputs, the name, the
  signature and the line length;
- Material's search plugin parses the HTML of every page (a lab page is 690 KB):
  the entries of a page are kept by its URL, title, metadata, table of contents and
  HTML, from one build to the next.

The last three reach into the libraries' internals (versions pinned in
constraints.txt); if those move, the memo is left out, the log says so, and the
build stays what it was.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

import jinja2
import project
from code_notes import PACKAGE
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("rebuild_memo")
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # where in memory an object is: no input
#: What the last build and this one made, by its inputs: search entries, API blocks.
_entries: dict[str, dict[Any, list[dict[str, Any]]]] = {"last": {}, "this": {}}
_blocks: dict[str, dict[Any, Any]] = {"last": {}, "this": {}}
_current = {"page": "", "api inputs": ""}  # the page being made; a digest of the API's inputs


def on_pre_build(*, config: Any) -> None:
    for kept in (_entries, _blocks):
        kept["last"], kept["this"] = kept["this"], {}  # kept one build only
    root = project.root(config)
    _current["api inputs"] = _digest_api_inputs(root, config.config_file_path)
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None:
        for name in {plugin.config.default_handler, *plugin.config.handlers}:
            handler = plugin.handlers.get_handler(name)
            handler.env.bytecode_cache = project.compiled_templates(root, "mkdocstrings")


def on_page_markdown(markdown: str, *, page: Any, **kwargs: Any) -> str:
    _current["page"] = page.file.src_uri  # whose ::: blocks are rendered next
    return markdown


def on_env(env: jinja2.Environment, *, config: Any, **kwargs: Any) -> jinja2.Environment:
    env.bytecode_cache = project.compiled_templates(project.root(config), "theme")
    return env


def _digest_api_inputs(root: Path, config_file: str) -> str:
    """A digest of lessonlib's source, mkdocs.yml and the docstrings' Markdown extension."""
    digest = hashlib.sha256()
    paths = [*sorted((root / PACKAGE).rglob("*.py")), Path(config_file)]
    for path in [*paths, Path(__file__).with_name("doctest_fences.py")]:
        digest.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _keep_rendered_objects() -> None:
    try:
        from mkdocstrings_handlers.python._internal.handler import PythonHandler
    except ImportError:
        return
    render = getattr(PythonHandler, "render", None)
    if render is None or not hasattr(PythonHandler, "get_headings"):
        log.info("mkdocstrings-python's handler changed: the API page is rendered each time")
        return

    @functools.wraps(render)
    def render_kept(self: Any, data: Any, options: Any, locale: str | None = None) -> str:
        shown = _ADDRESS.sub("", repr(options))  # the objects in it are read from mkdocs.yml
        key = (data.path, shown, locale, _current["page"], _current["api inputs"])
        kept = _blocks["last"].get(key)
        if kept is None:
            start = len(self._headings)
            with _Warnings() as warned:
                html = render(self, data, options, locale=locale)
            if warned.records:  # not kept: --strict must see the warning again
                return html  # type: ignore[no-any-return]
            kept = (html, copy.deepcopy(self._headings[start:]))
        else:
            self._headings.extend(copy.deepcopy(kept[1]))  # as rendering would have
        _blocks["this"][key] = kept
        return kept[0]  # type: ignore[no-any-return]

    PythonHandler.render = render_kept


class _Warnings(logging.Handler):
    """Collects the warnings logged while it is in use."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> _Warnings:
        for name in ("", "mkdocs"):  # MkDocs' own logger does not pass records up
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in ("", "mkdocs"):
            logging.getLogger(name).removeHandler(self)


def _keep_formatted_signatures() -> None:
    try:
        from mkdocstrings_handlers.python._internal import rendering
    except ImportError:
        return
    format_signature = getattr(rendering, "_format_signature", None)
    if format_signature is None:
        log.info("mkdocstrings-python has no _format_signature: signatures formatted each time")
    elif not hasattr(format_signature, "cache_info"):
        rendering._format_signature = functools.lru_cache(maxsize=4096)(format_signature)


def _keep_search_entries() -> None:
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return
    index_page = getattr(SearchIndex, "add_entry_from_context", None)
    if index_page is None or hasattr(index_page, "__wrapped__"):
        return

    @functools.wraps(index_page)
    def add_entry_from_context(self: Any, page: Any) -> None:
        key = (page.url, page.title, repr(page.meta), str(page.toc), page.content)
        entries = _entries["last"].get(key)
        if entries is None:
            start = len(self.entries)
            index_page(self, page)
            entries = copy.deepcopy(self.entries[start:])
        else:
            self.entries.extend(copy.deepcopy(entries))
        _entries["this"][key] = entries

    SearchIndex.add_entry_from_context = add_entry_from_context


_keep_rendered_objects()
_keep_formatted_signatures()
_keep_search_entries()
