"""MkDocs hook: the API reference as one page per module, listed under the overview.

On one page, every documented name with its signature, parameters and highlighted
example weighed about 570 KB on a first visit, over the 500 KB a page may weigh. So each
module of ``lessonlib.public_api`` gets its own page, ``reference/<module>.md``, which
``lesson_pages.py`` fills at its marker; ``reference.md`` lists the modules and their
names. The module pages join the navigation right after the overview, in the same
section. Links to a name (``[relu][lessonlib.relu]``) find its page through autorefs.
"""

from __future__ import annotations

from typing import Any

from api_links import api_page, public_api
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

OVERVIEW = "reference.md"


def on_files(files: Files, *, config: Any) -> Files:
    """Add one page per documented module (kept out of the nav check: on_nav places them)."""
    for module in sorted(public_api()):
        uri = api_page(module)
        if files.get_file_from_path(uri) is not None:
            raise ValueError(f"docs/{uri} exists, but the build generates that page")
        content = f"# `{module}`\n\n<!-- lessonlib API of {module} -->\n"
        files.append(
            File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return files


def on_nav(nav: Navigation, *, files: Files, **kwargs: Any) -> Navigation:
    """Put the module pages right after the overview, in the overview's section."""
    overview_file = files.get_file_from_path(OVERVIEW)
    if overview_file is None or overview_file.page is None or overview_file.page not in nav.pages:
        raise ValueError(f"the navigation in mkdocs.yml must list {OVERVIEW}")
    overview = overview_file.page
    modules = [files.get_file_from_path(api_page(module)) for module in sorted(public_api())]
    pages = [file.page for file in modules if file is not None and file.page is not None]
    siblings = overview.parent.children if overview.parent is not None else nav.items
    at = siblings.index(overview) + 1
    siblings[at:at] = pages
    for page in pages:
        page.parent = overview.parent
    nav.pages[:] = _in_order(nav.items)
    for before, after in zip(nav.pages, nav.pages[1:], strict=False):
        before.next_page, after.previous_page = after, before
    return nav


def _in_order(items: list[Any]) -> list[Page]:
    """Every page in the navigation, depth first, as MkDocs lists them."""
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages += _in_order(item.children)
    return pages
