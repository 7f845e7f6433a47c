"""MkDocs hook: Material's stylesheets trimmed to the rules this site can use.

Every first visit loads Material's ``main.css`` and ``palette.css``, 150 KB written for
every feature Material has (blogs, tags, tabs, grids, annotations, cards...), a third of
the 500 KB a page may weigh. After the build, this hook rewrites both in place with the
same rule as the labs' notebook styles (``notebook_css.trimmed``): a rule is dropped only
when its selector needs a class, id or attribute that no page and no script of the site
names, so nothing a reader sees changes. A few classes Material's script builds from
parts (``md-source__fact--${kind}``) are kept whole, by their prefix.

The file names keep Material's hash: the trimmed text changes only when a page starts
to use a class that no page used before, and GitHub Pages lets browsers keep a file
ten minutes. The trimmed files are kept in the build cache by their inputs.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import project
from mkdocs.plugins import event_priority, get_plugin_logger
from notebook_css import VARIABLE, trimmed, used_names

log = get_plugin_logger("theme_css")

THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
_BUILT_NAME = re.compile(r"`([\w-]+)\$\{")  # a class made in a template string: `md-x--${y}`
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_SELECTOR_NAME = re.compile(r"(?<=[.#\[])\s*([\w-]+)")  # every name could_match looks up

_pages: list[str] = []  # every page's HTML, as written


def on_pre_build(**kwargs: Any) -> None:
    _pages.clear()


@event_priority(-100)  # after every hook that writes into the page
def on_post_page(output: str, **kwargs: Any) -> str:
    _pages.append(output)
    return output


def on_post_build(*, config: Any) -> None:
    site = Path(config.site_dir)
    scripts = [path.read_text(encoding="utf-8") for path in site.glob("assets/javascripts/**/*.js")]
    stylesheets = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.css"))}
    names = used_names([*_pages, *scripts])
    prefixes = {prefix for script in scripts for prefix in _BUILT_NAME.findall(script)}
    for pattern in THEME_STYLESHEETS:
        for path in site.glob(pattern):
            css = stylesheets[path]
            built = {name for name in _CLASS.findall(css) if name.startswith(tuple(prefixes))}
            # Custom properties stay when any page, script or other stylesheet reads them.
            others = [text for other, text in stylesheets.items() if other != path]
            slim = _trimmed(css, names | built, [*_pages, *scripts, *others], config)
            path.write_text(slim, encoding="utf-8")
            path.with_name(path.name + ".map").unlink(missing_ok=True)  # maps the full file
            log.info("%s: %d KB -> %d KB", path.name, len(css) // 1000, len(slim) // 1000)


def _trimmed(css: str, names: set[str], readers: list[str], config: Any) -> str:
    """``trimmed``, kept in the build cache (a second of parsing each time).

    The key holds only what ``trimmed`` reads: of the names, those a selector of ``css``
    needs, and of the readers, the custom properties they read. So a lesson edit that
    brings no new class finds the stylesheet in the cache.
    """
    wanted = names & set(_SELECTOR_NAME.findall(css))
    read = {variable for text in readers for variable in VARIABLE.findall(text)}
    key = hashlib.sha256("\0".join([css, *sorted(wanted), "", *sorted(read)]).encode())
    key = key.hexdigest()
    cached = project.cache_dir(project.root(config), "theme-css") / f"{key[:20]}.css"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    slim = trimmed(css, names, readers)
    project.write_whole(cached, slim)
    return slim
