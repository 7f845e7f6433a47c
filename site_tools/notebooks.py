"""Turn a lesson's Markdown into a Jupyter notebook and into one Python script.

Both are made from the blocks that Sybil checks (``lesson_source.code_blocks``),
so a download can never drift from the page:

- the notebook has the prose as markdown cells and each ``python`` fence as a
  code cell; ``output`` fences are dropped, because running the cell prints them;
  a figure marker (``<!-- figure: NAME -->``) becomes the figure's SVG in a data URL,
  so the notebook shows it offline (JupyterLab draws no SVG cell attachment);
- the script is every block in page order, each under a ``# %%`` marker named
  after the step it belongs to (editors and jupytext read those as cells).

Snippet blocks (``--8<--`` lines) become the lessonlib source they show, as on
the page.
"""

from __future__ import annotations

import base64
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

import nbformat
from figure_registry import MARKER
from lesson_source import CodeBlock, code_blocks, runnable_source
from nbformat import NotebookNode

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_ADMONITION = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$'
)
_PAGE_LINK = re.compile(
    r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s:#]+\.md)(?P<anchor>#[^)\s]*)?\)"
)
_FUTURE = re.compile(r"^from __future__ import .+$", re.MULTILINE)


@dataclass(frozen=True)
class Figure:
    """A figure that a lesson shows with ``<!-- figure: NAME -->``."""

    svg: str  # the SVG document
    caption: str


def is_lesson(text: str) -> bool:
    """True for a Markdown page with at least one ``python`` fence: a lesson."""
    return bool(code_blocks(text))


def lesson_title(text: str) -> str:
    """The text of the lesson's first ``#`` heading."""
    for match in _HEADING.finditer(text):
        if len(match[1]) == 1:
            return match[2]
    raise ValueError("the lesson has no '# Title' heading")


def lesson_notebook(
    text: str,
    src_uri: str,
    site_url: str | None = None,
    figures: Mapping[str, Figure] | None = None,
    install: str = "pip install lessonlib",
) -> NotebookNode:
    """A notebook of the lesson ``docs/<src_uri>``: prose as markdown cells, code as code cells.

    Links to other pages become absolute links under ``site_url`` when it is known,
    and plain text otherwise (a downloaded notebook has no site around it). A figure
    marker shows the figure of that name from ``figures``; one not there is left out.
    The first cell names the lesson and gives ``install``, the line that installs lessonlib.
    """
    cells = []
    for index, part in enumerate(_parts(text)):
        if isinstance(part, CodeBlock):
            cell = nbformat.v4.new_code_cell(runnable_source(part).rstrip("\n"))
        else:
            markdown = _notebook_markdown(part, src_uri, site_url)
            markdown = _embed_figures(markdown, figures or {})
            if not markdown:
                continue
            if not cells:
                markdown = _with_origin_note(markdown, src_uri, site_url, install)
            cell = nbformat.v4.new_markdown_cell(markdown)
        cell.id = f"cell-{index}"  # fixed ids: the same lesson always gives the same file
        cells.append(cell)
    notebook = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return notebook


def lesson_script(
    text: str, src_uri: str, site_url: str | None = None, install: str = "pip install lessonlib"
) -> str:
    """Every code block of ``docs/<src_uri>`` in page order: one script, run top to bottom."""
    title = lesson_title(text).replace('"""', "'''")
    futures: list[str] = []
    sections = []
    step = title
    for part in _parts(text):
        if not isinstance(part, CodeBlock):
            step = _last_heading(part) or step
            continue
        source = runnable_source(part)
        for line in _FUTURE.findall(source):  # a __future__ import must open the file
            if line not in futures:
                futures.append(line)
        sections.append(f"# %% {step}\n{_FUTURE.sub('', source).strip()}\n")
    where = f" ({_page_url(src_uri, site_url)})" if site_url else ""
    docstring = (
        f'"""{title}\n\n'
        f"Every code block of the lesson{where}, in page order;\n"
        "it prints what the page shows under each block. Install lessonlib first:\n\n"
        f"    {install}\n"
        '"""\n'
    )
    head = docstring + ("\n" + "\n".join(futures) + "\n" if futures else "")
    return head + "\n\n" + "\n\n".join(sections)


def _parts(text: str) -> list[str | CodeBlock]:
    """The lesson cut into prose strings and code blocks, in page order."""
    parts: list[str | CodeBlock] = []
    position = 0
    for block in code_blocks(text):
        parts += [text[position : block.start], block]
        position = block.end
    parts.append(text[position:])
    return parts


def _last_heading(prose: str) -> str | None:
    headings = [match[2] for match in _HEADING.finditer(prose)]
    return headings[-1].replace("`", "") if headings else None


def _notebook_markdown(prose: str, src_uri: str, site_url: str | None) -> str:
    """Prose as Jupyter shows it well: admonitions as quotes, page links made portable."""
    prose = _admonitions_as_quotes(prose)

    def portable(link: re.Match[str]) -> str:
        if site_url is None:
            return link["text"]
        page = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link["target"]))
        return f"[{link['text']}]({_page_url(page, site_url)}{link['anchor'] or ''})"

    return _PAGE_LINK.sub(portable, prose).strip()


def _embed_figures(markdown: str, figures: Mapping[str, Figure]) -> str:
    """Replace each figure marker with the figure itself and its caption."""

    def embed(marker: re.Match[str]) -> str:
        figure = figures.get(marker["name"])
        if figure is None:
            return ""
        svg = base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
        alt = f"Figure: {marker['name'].replace('-', ' ')}"
        return f"![{alt}](data:image/svg+xml;base64,{svg})\n\n*{figure.caption}*"

    return re.sub(r"\n{3,}", "\n\n", MARKER.sub(embed, markdown)).strip()


def _admonitions_as_quotes(prose: str) -> str:
    """Turn ``!!! note "Title"`` and its indented body into a Markdown quote.

    A folded answer under a list item (``??? success "Answer"``, indented) becomes a
    quote at the same indent, so the notebook shows it inside its list item.
    """
    lines = prose.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        match = _ADMONITION.match(lines[index])
        index += 1
        if match is None:
            result.append(lines[index - 1])
            continue
        title = match["title"] if match["title"] is not None else match["kind"].capitalize()
        outer, inner = match["indent"], match["indent"] + "    "
        body: list[str] = []
        while index < len(lines) and (lines[index].startswith(inner) or not lines[index]):
            body.append(lines[index][len(inner) :])
            index += 1
        while body and not body[-1]:
            body.pop()
        result += [f"{outer}> **{title}**" if title else f"{outer}>", f"{outer}>"] + [
            f"{outer}> {line}".rstrip() for line in body
        ]
        result.append("")
    return "\n".join(result)


def _page_url(src_uri: str, site_url: str) -> str:
    """The published address of the page built from ``docs/<src_uri>``."""
    return site_url.rstrip("/") + "/" + src_uri.removesuffix(".md") + ".html"


def _with_origin_note(markdown: str, src_uri: str, site_url: str | None, install: str) -> str:
    """Add, under the title, which lesson this is and the one line that installs lessonlib."""
    first, _, rest = markdown.partition("\n")
    title = first.removeprefix("# ").strip() if first.startswith("# ") else "this lesson"
    lesson = f"[{title}]({_page_url(src_uri, site_url)})" if site_url else f"*{title}*"
    note = (
        f"This notebook is the lesson {lesson}. Run its cells from top to bottom: "
        "each prints what the page shows under the same code.\n\n"
        f"Install lessonlib first: `{install}`"
    )
    if first.startswith("# "):
        return f"{first}\n\n{note}\n{rest}"
    return f"{note}\n\n{markdown}"
