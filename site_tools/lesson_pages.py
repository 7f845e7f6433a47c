"""MkDocs hook: lesson downloads, and links between the lessons and the API reference.

For every lesson (a Markdown page with ``python`` fences) the build adds, next to
the page, ``<lesson>.py`` (the whole code as one script) and ``<lesson>.ipynb``
(a notebook), made from the same Markdown by ``notebooks.py``. They join MkDocs'
file collection, so ``mkdocs build --strict`` checks every link to them.

Each lesson gets a box under its title with both downloads, the line that installs
lessonlib (``lessonlib_wheel.py``) and links to the lessonlib functions its code
imports. The API pages are written here too: on each module's page
(``api_pages.py``) one mkdocstrings block per public name, each followed by links to
the lessons that import it, and on ``reference.md`` the list of modules and names.
Both directions come from ``api_links.py``: no hand-kept list.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from typing import Any

import figure_registry
import nbformat
from api_links import PACKAGE, api_page, canonical_names, is_private, lesson_names, public_api
from lesson_source import code_blocks, runnable_source
from lessonlib_wheel import SITE_FOLDER, install_command, other_requirements, wheel_name
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from notebooks import Figure, is_lesson, lesson_notebook, lesson_script, lesson_title

log = logging.getLogger("mkdocs.hooks.lesson_pages")

#: The line in reference.md that the generated list of modules and their names replaces.
API_MARKER = "<!-- lessonlib API: generated at build time by site_tools/lesson_pages.py -->"
#: The line in each module's API page (site_tools/api_pages.py) that its entries replace.
MODULE_MARKER = re.compile(r"<!-- lessonlib API of (?P<module>[\w.]+) -->")

_lessons: dict[str, str] = {}  # src_uri -> title, of every lesson in this build
_uses: dict[str, list[str]] = {}  # src_uri -> documented names its code imports
_api: dict[str, list[str]] = {}  # module -> documented names
_reading_order: list[str] = []  # src_uri of every page, in the order of the navigation
_installs: dict[str, str] = {}  # src_uri -> the line that installs what the lesson needs
#: What each lesson made (title, names imported, install line, script, notebook) by all it
#: was made from, in the last build and in this one: under mkdocs serve, an edit remakes
#: one lesson.
_made: dict[str, dict[Any, tuple[str, frozenset[str], str, str, str]]] = {"last": {}, "this": {}}


@event_priority(-50)  # after the figures hook has added the SVGs the notebooks embed
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add each lesson's script and notebook, and note which API names each lesson uses."""
    _lessons.clear()
    _uses.clear()
    _api.clear()
    _api.update(public_api())
    canonical = canonical_names(_api)
    figures = _figures(files, config)
    _made["last"], _made["this"] = _made["this"], {}
    for file in list(files.documentation_pages()):
        if not file.src_uri.endswith(".md"):
            continue  # notebooks and scripts rendered by other plugins are not lessons
        text = file.content_string
        if not is_lesson(text):
            continue
        made = _made_from(text, file.src_uri, config.site_url, figures)
        title, names, _installs[file.src_uri], script, notebook = made
        _lessons[file.src_uri] = title
        _uses[file.src_uri] = _documented(names, canonical, file.src_uri)
        stem = file.src_uri.removesuffix(".md")
        for src_uri, content in [(f"{stem}.py", script), (f"{stem}.ipynb", notebook)]:
            if files.get_file_from_path(src_uri) is not None:
                raise ValueError(f"docs/{src_uri} exists, but the build generates that file")
            files.append(File.generated(config, src_uri, content=content))
    return files


def on_nav(nav: Navigation, **kwargs: Any) -> Navigation:
    """Remember the reading order, to list a function's lessons in it."""
    _reading_order[:] = [page.file.src_uri for page in nav.pages]
    return nav


def on_page_markdown(markdown: str, page: Page, files: Files, **kwargs: Any) -> str:
    """Put the download box on lessons, and the generated API on the API pages."""
    src_uri = page.file.src_uri
    if API_MARKER in markdown:
        return markdown.replace(API_MARKER, _api_overview(src_uri))
    if MODULE_MARKER.search(markdown):
        return MODULE_MARKER.sub(lambda marker: _api_markdown(src_uri, marker["module"]), markdown)
    if src_uri not in _lessons:
        return markdown
    title, newline, rest = markdown.partition("\n")
    if not title.startswith("# "):
        raise ValueError(f"docs/{src_uri} must start with its '# Title' line")
    return f"{title}{newline}\n{_lesson_box(src_uri)}\n{rest}"


def _made_from(
    text: str, src_uri: str, site_url: str | None, figures: dict[str, Figure]
) -> tuple[str, frozenset[str], str, str, str]:
    """A lesson's title, the names it imports, its install line, its script and its notebook.

    Made again only if the lesson, a lessonlib source it shows, a figure, the wheel
    or the site URL changed since the last build.
    """
    sources = tuple(runnable_source(block) for block in code_blocks(text))  # snippets read now
    install = install_command(site_url, other_requirements(list(sources)))
    key = (src_uri, text, site_url, tuple(sorted(figures.items())), sources, install)
    made = _made["last"].get(key)
    if made is None:
        notebook = lesson_notebook(text, src_uri, site_url, figures, install)
        script = lesson_script(text, src_uri, site_url, install)
        names = frozenset(lesson_names(text))
        made = (lesson_title(text), names, install, script, nbformat.writes(notebook) + "\n")
    _made["this"][key] = made
    return made


def _figures(files: Files, config: MkDocsConfig) -> dict[str, Figure]:
    """The figures drawn for this build, with their captions from the registry."""
    declared = figure_registry.read_registry(Path(config.docs_dir) / figure_registry.REGISTRY)
    figures = {}
    for name, declaration in declared.items():
        svg = files.get_file_from_path(f"{figure_registry.SITE_FOLDER}/{name}.svg")
        if svg is not None:  # not drawn when the figures are switched off
            figures[name] = Figure(svg.content_string, str(declaration["caption"]))
    return figures


def _documented(names: frozenset[str], canonical: dict[str, str], src_uri: str) -> list[str]:
    """The documented names among ``names``; a public name that is not documented is an error."""
    documented = set()
    for name in names:
        if name in canonical:
            documented.add(canonical[name])
        elif not is_private(name) and name not in _api and name != PACKAGE:
            log.warning(
                "docs/%s imports %s, which the API reference does not document", src_uri, name
            )
    return sorted(documented, key=lambda name: name.rpartition(".")[2].lower())


def _lesson_box(src_uri: str) -> str:
    """The box under a lesson's title: both downloads, then the functions used.

    It is the same on every lesson, so it stays out of the search index (which every
    page fetches): Material skips an element marked ``data-search-exclude``.
    """
    stem = posixpath.basename(src_uri).removesuffix(".md")
    wheel_link = posixpath.relpath(f"{SITE_FOLDER}/{wheel_name()}", posixpath.dirname(src_uri))
    lines = [
        '<div class="admonition abstract" data-search-exclude="downloads" markdown>',
        '<p class="admonition-title">Run this lesson yourself</p>',
        "",
        f"Download [the whole lesson as one Python script, `{stem}.py`]({stem}.py)"
        f'{{ download="{stem}.py" }}',
        f'or [as a Jupyter notebook, `{stem}.ipynb`]({stem}.ipynb){{ download="{stem}.ipynb" }}.',
        "Both run top to bottom where `lessonlib` is installed.",
        "",
        f"Install it in one line: `{_installs[src_uri]}`",
        f"([the wheel]({wheel_link}){{ download }} is the file it fetches).",
    ]
    if _uses[src_uri]:
        links = ", ".join(f"[`{name.rpartition('.')[2]}`][{name}]" for name in _uses[src_uri])
        lines += ["", f"From `lessonlib` this lesson uses {links}."]
    return "\n".join([*lines, "", "</div>"]) + "\n"


def _api_overview(src_uri: str) -> str:
    """Each module's page, with links to the names documented there."""
    here = posixpath.dirname(src_uri) or "."
    lines = []
    for module, names in sorted(_api.items()):
        links = ", ".join(f"[`{name.rpartition('.')[2]}`][{name}]" for name in names)
        lines.append(f"- [`{module}`]({posixpath.relpath(api_page(module), here)}): {links}")
    # The names are in the search index as the module pages' headings already.
    return (
        '<div data-search-exclude="api-overview" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"
    )


def _api_markdown(src_uri: str, module: str) -> str:
    """One mkdocstrings block per name documented in ``module``, each with its lessons."""
    if module not in _api:
        raise ValueError(f"docs/{src_uri} asks for the API of {module}, which documents nothing")
    users: dict[str, list[str]] = {}
    for lesson, names in _uses.items():
        for name in names:
            users.setdefault(name, []).append(lesson)
    here = posixpath.dirname(src_uri) or "."
    sections = []
    for name in _api[module]:  # the page's title is the module, so each name is a section
        sections.append(f"::: {name}\n    options:\n      heading_level: 2\n")
        lessons = [
            f"[{_lessons[lesson]}]({posixpath.relpath(lesson, here)})"
            for lesson in sorted(users.get(name, []), key=_reading_position)
        ]
        used_in = ", ".join(lessons) if lessons else "no lesson yet"
        # a list of links, not content to search for
        sections.append(f'**Used in:** {used_in}.\n{{: data-search-exclude="used-in" }}\n')
    return "\n".join(sections)


def _reading_position(src_uri: str) -> tuple[int, str]:
    order = _reading_order.index(src_uri) if src_uri in _reading_order else len(_reading_order)
    return order, src_uri
