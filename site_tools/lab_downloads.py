"""MkDocs hook: each lab downloads as a Jupyter notebook too, beside its jupytext script.

JupyterLab, VS Code and Colab open an ``.ipynb`` as it is, while a lab's source
(``docs/labs/lab-*.py``, jupytext's percent format) needs jupytext first. So the build
converts every lab that mkdocs-jupyter renders from a ``.py`` file with jupytext, which
keeps each cell's tags and metadata: the learner's ``exercise`` cells and the reference
``solution`` cells, folded, stay as the lab has them, wherever the lab puts them. The
cell ids are numbered in order, so the same lab always gives the same file, and the
first cell gets the lab's published address and the one line that installs lessonlib.

The lab page gets a box under its title with both downloads and that line, like the
lessons' box (``lesson_pages.py``).
"""

from __future__ import annotations

import html
import posixpath
from fnmatch import fnmatch
from typing import Any

import jupytext
import nbformat
from lessonlib_wheel import SITE_FOLDER, install_command, other_requirements, wheel_name
from mkdocs.structure.files import File, Files
from nbformat import NotebookNode

_labs: dict[str, str] = {}  # src_uri of each lab page -> the line that installs what it needs
#: Each lab's install line and notebook by what they were made from, in the last build and
#: this one: under ``mkdocs serve`` a lesson edit converts no lab again.
_made: dict[str, dict[tuple[str, ...], tuple[str, str]]] = {"last": {}, "this": {}}


def on_files(files: Files, *, config: Any) -> Files:
    """Add ``<lab>.ipynb`` next to every lab that is a jupytext script."""
    _labs.clear()
    _made["last"], _made["this"] = _made["this"], {}
    for file in list(files):
        if not (file.src_uri.endswith(".py") and _is_lab(file.src_uri, config)):
            continue
        key = (file.src_uri, file.content_string, config.site_url or "", wheel_name())
        made = _made["last"].get(key) or _converted(file.src_uri, key[1], config.site_url)
        _labs[file.src_uri], notebook = _made["this"][key] = made
        uri = file.src_uri.removesuffix(".py") + ".ipynb"
        if files.get_file_from_path(uri) is not None:
            raise ValueError(f"docs/{uri} exists, but the build generates that file")
        files.append(File.generated(config, uri, content=notebook))
    return files


def _converted(src_uri: str, text: str, site_url: str | None) -> tuple[str, str]:
    """The lab's install line, and the lab as the notebook a learner downloads."""
    notebook = jupytext.reads(text, fmt="py:percent")
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    install = install_command(site_url, other_requirements(code))
    return install, nbformat.writes(learner_notebook(notebook, src_uri, site_url, install)) + "\n"


def _is_lab(src_uri: str, config: Any) -> bool:
    """True for a page that mkdocs-jupyter renders (its ``include`` patterns)."""
    plugin = config.plugins.get("mkdocs-jupyter")
    patterns = plugin.config["include"] if plugin is not None else []
    return any(fnmatch(src_uri, pattern) for pattern in patterns)


def learner_notebook(
    notebook: NotebookNode, src_uri: str, site_url: str | None, install: str
) -> NotebookNode:
    """The lab as a learner downloads it: fixed cell ids and, under the title, the install line."""
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"
        cell.metadata.pop("lines_to_next_cell", None)  # jupytext's note on the script's layout
    first = next((cell for cell in notebook.cells if cell.cell_type == "markdown"), None)
    if first is None:
        raise ValueError(f"docs/{src_uri} has no markdown cell to name the lab")
    note = f"Install lessonlib first: `{install}`"
    if site_url:
        page = f"{site_url.rstrip('/')}/{src_uri.removesuffix('.py')}.html"
        note = f"This notebook is the lab published at <{page}>. {note}"
    title, _, rest = first.source.partition("\n")
    if title.startswith("# "):
        first.source = f"{title}\n\n{note}\n{rest}"
    else:
        first.source = f"{note}\n\n{first.source}"
    notebook.metadata.pop("jupytext", None)  # how the source was saved, not the notebook's
    nbformat.validate(notebook)
    return notebook


def on_page_content(html_text: str, *, page: Any, **kwargs: Any) -> str:
    """Put the download box under the lab page's title."""
    install = _labs.get(page.file.src_uri)
    if install is None:
        return html_text
    title_end = html_text.find("</h1>")
    if title_end < 0:
        raise ValueError(f"docs/{page.file.src_uri} must start with a '# Title' cell")
    title_end += len("</h1>")
    return html_text[:title_end] + _lab_box(page.file.src_uri, install) + html_text[title_end:]


def _lab_box(src_uri: str, install: str) -> str:
    """Both downloads of the lab and the install line, as the lessons' box shows them.

    It sits in the title's cell, which search_scope.py already keeps out of the search
    index. It is a ``<section>``, not a ``<div>``: Material's search parser tells excluded
    elements apart by tag name only, so a ``</div>`` inside the cell would end its exclusion.
    """
    stem = posixpath.basename(src_uri).removesuffix(".py")
    wheel = posixpath.relpath(f"{SITE_FOLDER}/{wheel_name()}", posixpath.dirname(src_uri))
    return (
        '<section class="admonition abstract">\n'
        '<p class="admonition-title">Do this lab yourself</p>\n'
        f'<p>Download the lab <a href="{stem}.ipynb" download="{stem}.ipynb">as a Jupyter '
        f"notebook, <code>{stem}.ipynb</code></a>, which JupyterLab, VS Code and Colab open "
        f'as it is, or <a href="{stem}.py" download="{stem}.py">as a Python script, '
        f"<code>{stem}.py</code></a>, in jupytext's percent format.</p>\n"
        f"<p>Install lessonlib in one line: <code>{html.escape(install)}</code> "
        f'(<a download href="{wheel}">the wheel</a> is the file it fetches).</p>\n'
        "</section>\n"
    )
