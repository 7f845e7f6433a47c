"""MkDocs hook: the labs' notebook styles, served once as a file browsers cache, and trimmed.

mkdocs-jupyter writes JupyterLab's whole stylesheet, about 590 KB, into every lab page,
so no browser can cache it and a first visit weighed over 1 MB. This hook takes those
``<style>`` blocks out of each lab page and links ``assets/stylesheets/notebook.css``
instead, written once after the build with only the rules the labs can use
(``notebook_css.trimmed``). It also links ``labs/labs.css`` (the labs' own colours) on
lab pages only, and drops the template's scripts that have nothing to do on this site:
MathJax's configuration (formulas are MathML), an empty ``<script src="">``, and the
loader of Mermaid diagrams (no lab has one; it would fetch Mermaid from a CDN). The copy
button's icon, the same SVG in every code cell, is drawn once and reused (``<use>``), and
each copy button copies the code its cell shows, not a hidden second copy of it.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import posixpath
import re
from pathlib import Path
from typing import Any

import project
from mkdocs.plugins import get_plugin_logger
from notebook_css import trimmed, used_names

log = get_plugin_logger("lab_styles")

STYLESHEET = "assets/stylesheets/notebook.css"
LAB_STYLES = "labs/labs.css"  # in docs/: the labs' own rules, on top of the notebook styles
_WRAPPER = '<div class="jupyter-wrapper">'
_STYLE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>\s*", re.DOTALL)
_IDLE_SCRIPTS = re.compile(
    r'<script type="text/x-mathjax-config">.*?</script>\s*'
    r'|<script src="">\s*</script>\s*'
    r'|<script type="module">(?:(?!</script>).)*jp-Mermaid.*?</script>\s*',
    re.DOTALL,
)

_ICON = re.compile(
    r'(?P<open><svg aria-hidden="true" class="clipboard-copy-icon"[^>]*>)(?P<drawing>.*?)</svg>',
    re.DOTALL,
)
_ICON_ID = "lab-copy-icon"
# The code of a folded solution, highlighted without the <code> element that Material's
# copy button looks for (``pre > code``): with it, each solution gets one.
_SOLUTION_CODE = re.compile(
    r'(?P<open><details><summary>Solution</summary>\s*<div class="highlight">)<pre>'
    r"(?P<code>(?:(?!</pre>).)*)</pre>",
    re.DOTALL,
)
# A cell's highlighted code, then the plain copy of it that its copy button reads.
_COPIED = re.compile(
    r"<pre>(?P<code>(?:(?!</pre>).)*)</pre></div>\s*"
    r'<div class="clipboard-copy-txt" id="(?P<id>[^"]+)">(?P<text>[^<]*)</div>',
    re.DOTALL,
)

_blocks: list[str] = []  # each distinct <style> block of the lab pages, in page order
_pages: list[str] = []  # the lab pages' HTML, which the trimmed styles must serve


def on_pre_build(**kwargs: Any) -> None:
    _blocks.clear()
    _pages.clear()


def on_post_page(output: str, *, page: Any, **kwargs: Any) -> str:
    """On a lab page, move the notebook styles out to the shared file and link it."""
    article = output.find("<article")
    if _WRAPPER not in output or article < 0:
        return output
    head, body = output[:article], output[article:]
    for match in _STYLE.finditer(body):
        if match["css"].strip() not in _blocks:
            _blocks.append(match["css"].strip())
    body = _copy_from_code(_one_copy_icon(_IDLE_SCRIPTS.sub("", _STYLE.sub("", body))))
    body = _with_code_element(body)
    here = posixpath.dirname(page.file.dest_uri)
    links = "".join(
        f'<link rel="stylesheet" href="{posixpath.relpath(path, here or ".")}">\n'
        for path in (STYLESHEET, LAB_STYLES)
    )
    html = head.replace("</head>", links + "</head>", 1) + body
    _pages.append(html)
    return html


def _one_copy_icon(body: str) -> str:
    """Draw the copy buttons' icon once, as a symbol, and let each button use it."""
    drawings = {match["drawing"] for match in _ICON.finditer(body)}
    if len(drawings) != 1:
        return body  # no icon, or icons that differ: leave them as they are
    symbol = (
        '<svg aria-hidden="true" width="0" height="0" style="position: absolute">'
        f'<symbol id="{_ICON_ID}" viewBox="0 0 16 16">{drawings.pop()}</symbol></svg>'
    )
    body = _ICON.sub(lambda match: f'{match["open"]}<use href="#{_ICON_ID}"></use></svg>', body)
    return body.replace(_WRAPPER, _WRAPPER + symbol, 1)


def _with_code_element(body: str) -> str:
    """Give each folded solution's code the ``<pre id><code>`` that Material's copy button needs.

    Material names the block after the nearest element with an id, and a notebook cell's
    id ("cell-id=5") makes no valid selector, so each ``<pre>`` gets its own.
    """
    numbers = itertools.count(1)
    return _SOLUTION_CODE.sub(
        lambda match: (
            f'{match["open"]}<pre id="solution-{next(numbers)}"><code>{match["code"]}</code></pre>'
        ),
        body,
    )


def _copy_from_code(body: str) -> str:
    """Point each copy button at its cell's ``<pre>``, and drop the hidden plain copy.

    ``<clipboard-copy for="cell-1">`` copies the text of the element with that id; the
    ``<pre>`` holds the same text, spread over highlighting spans. A copy whose text
    differs from its ``<pre>`` is left as it is.
    """

    def one(match: re.Match[str]) -> str:
        shown = html.unescape(re.sub(r"<[^>]*>", "", match["code"]))
        if shown.strip() != html.unescape(match["text"]).strip():
            return match[0]
        return f'<pre id="{match["id"]}">{match["code"]}</pre></div>'

    return _COPIED.sub(one, body)


def on_post_build(*, config: Any) -> None:
    """Write the notebook styles once, trimmed to what the lab pages and their scripts use."""
    if not _blocks:
        return
    site = Path(config.site_dir)
    scripts = [path.read_text(encoding="utf-8") for path in site.glob("assets/javascripts/*.js")]
    extra = (Path(config.docs_dir) / LAB_STYLES).read_text(encoding="utf-8")
    key = hashlib.sha256("\0".join([*_blocks, *_pages, *scripts, extra]).encode()).hexdigest()
    cached = project.cache_dir(project.root(config), "notebook-css") / f"{key[:20]}.css"
    if cached.is_file():  # trimming parses 590 KB of CSS: a second, the same every rebuild
        css = cached.read_text(encoding="utf-8")
    else:
        css = trimmed("\n".join(_blocks), used_names([*_pages, *scripts]), [*_pages, extra])
        project.write_whole(cached, css)
    target = site / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")
    full = sum(len(block.encode()) for block in _blocks)
    log.info(
        "%d KB of notebook styles inline in each lab page -> one file of %d KB",
        full // 1000,
        len(css.encode()) // 1000,
    )
