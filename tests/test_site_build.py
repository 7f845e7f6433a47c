"""The built site: every internal link resolves, nothing loads from another host.

The site comes from the session fixture ``built_site`` (``mkdocs build --strict``,
see conftest.py). Each built page is read with the stdlib ``html.parser``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from api_links import api_page, public_api
from site_build import DOCS, ROOT, lesson_id, lesson_paths

import lessonlib

pytestmark = pytest.mark.slow

LESSONS = lesson_paths()
#: Elements whose URL the browser fetches by itself when the page loads.
FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "embed": "src"}
#: Hosts that serve scripts, styles, fonts or data to other sites, or count visitors.
THIRD_PARTY_HOSTS = re.compile(
    r"https?://(unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com"
    r"|fonts\.gstatic\.com|api\.github\.com|[\w.-]*gitlab[\w.-]*/api|www\.googletagmanager\.com"
    r"|www\.google-analytics\.com|polyfill\.io)[^\s\"'`)]*"
)
MERMAID = re.compile(r"^https://(unpkg\.com|cdnjs\.cloudflare\.com/ajax/libs)/mermaid[@/-]")


@dataclass
class BuiltPage:
    """What one built HTML page links to, and which anchors it offers."""

    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attribute, url)
    ids: set[str] = field(default_factory=set)
    fetched: list[str] = field(default_factory=list)  # URLs the browser loads by itself
    classes: set[str] = field(default_factory=set)
    components: set[str] = field(default_factory=set)  # data-md-component values
    inline_scripts: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = BuiltPage()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name"):
            if name in values and tag != "meta":
                self.page.ids.add(values[name])
        self.page.classes.update(values.get("class", "").split())
        if "data-md-component" in values:
            self.page.components.add(values["data-md-component"])
        for attribute in ("href", "src"):
            if attribute in values:
                self.page.links.append((f"{tag}.{attribute}", values[attribute]))
        if FETCHED.get(tag) in values:
            self.page.fetched.append(values[FETCHED[tag]])
        if tag == "link" and values.get("rel") not in {"canonical", "prev", "next", "alternate"}:
            self.page.fetched.append(values.get("href", ""))
        self._in_script = tag == "script" and "src" not in values

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.page.inline_scripts.append(data)


@cache
def parse(path: Path) -> BuiltPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def test_every_lesson_is_built_with_its_script_and_notebook(built_site: Path) -> None:
    for lesson in LESSONS:
        stem = built_site / lesson.relative_to(DOCS).with_suffix("")
        for suffix in (".html", ".py", ".ipynb"):
            assert stem.with_suffix(suffix).is_file(), f"missing {stem.with_suffix(suffix)}"


def site_path() -> str:
    """The path of ``site_url`` in mkdocs.yml, e.g. ``/lessonlib/``: 404.html links under it."""
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
    return urlsplit(site_url[1]).path if site_url else "/"


def link_target(site: Path, page: Path, path: str) -> Path:
    """The file a link's path points to; root-absolute paths (only in 404.html) via site_url."""
    if path.startswith("/"):
        assert page.name == "404.html", f"{page}: a root-absolute link breaks under a sub-path"
        assert path.startswith(site_path()), f"{page}: {path} is outside {site_path()}"
        target = site / unquote(path.removeprefix(site_path()))
    else:
        target = (page.parent / unquote(path)).resolve() if path else page
    return target / "index.html" if target.is_dir() else target


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    pages = html_pages(built_site)
    assert len(pages) > len(LESSONS)
    for page in pages:
        for where, url in parse(page).links:
            if is_external(url) or url.startswith(("mailto:", "data:", "javascript:")):
                continue
            parts = urlsplit(url)
            target = link_target(built_site, page, parts.path)
            name = f"{page.relative_to(built_site)} {where}={url!r}"
            if not target.is_file() or built_site.resolve() not in target.resolve().parents:
                broken.append(f"{name}: no file {target}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in parse(target).ids
            ):
                broken.append(f"{name}: no id {parts.fragment!r} in {target.name}")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_links_end_in_html_so_the_site_opens_from_disk(built_site: Path) -> None:
    """The offline plugin turns off directory URLs: a folder link breaks under file://."""
    folder_links = [
        f"{page.relative_to(built_site)}: {url}"
        for page in html_pages(built_site)
        for where, url in parse(page).links
        if where == "a.href" and not is_external(url) and urlsplit(url).path.endswith("/")
    ]
    assert not folder_links
    index = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = {")  # search without fetch(), which file:// forbids


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """No remote script, style, font or image; no inline script names a CDN but for Mermaid.

    nbconvert's template for the lab pages imports Mermaid from a CDN only when a page has a
    ``pre.mermaid`` diagram; the last test in this file checks that no page has one.
    """
    foreign = [
        f"{page.relative_to(built_site)}: {url}"
        for page in html_pages(built_site)
        for url in parse(page).fetched
        if is_external(url) or url.startswith("//")
    ]
    foreign += [
        f"{page.relative_to(built_site)} inline script: {match[0]}"
        for page in html_pages(built_site)
        for script in parse(page).inline_scripts
        for match in THIRD_PARTY_HOSTS.finditer(script)
        if not MERMAID.search(match[0])
    ]
    assert not foreign


def test_stylesheets_use_no_remote_url_or_font(built_site: Path) -> None:
    remote = [
        f"{css.relative_to(built_site)}: {match[0]}"
        for css in built_site.rglob("*.css")
        for match in re.finditer(
            r"(?:url\(\s*['\"]?|@import\s+['\"])(?:https?:)?//[^)'\"\s]+", css.read_text("utf-8")
        )
    ]
    assert not remote


def test_every_third_party_url_in_the_scripts_is_never_loaded(built_site: Path) -> None:
    """Material's bundle names three hosts; each code path is closed off, and checked here.

    - unpkg.com/resize-observer-polyfill: fetched only without ResizeObserver; every page
      loads the site's own copy for those browsers first (overrides/main.html).
    - unpkg.com/mermaid (and cdnjs in nbconvert's lab template): fetched only for
      ``pre.mermaid`` diagrams; no page has one.
    - api.github.com (or a GitLab API): repository stars, fetched only for an element with
      ``data-md-component="source"``; overrides/partials/source.html leaves it out.
    - unpkg.com/iframe-worker: the offline plugin's default; ``extra.polyfills`` names the
      local copy, so it must appear nowhere.
    """
    found = {
        match[0]
        for script in built_site.rglob("*.js")
        for match in THIRD_PARTY_HOSTS.finditer(script.read_text(encoding="utf-8"))
    }
    known = {"https://unpkg.com/resize-observer-polyfill"}
    unknown = {url for url in found - known if not MERMAID.search(url) and "api.github" not in url}
    assert not unknown, f"new third-party URLs in the site's scripts: {sorted(unknown)}"
    for page in html_pages(built_site):
        parsed, name = parse(page), page.relative_to(built_site)
        assert "mermaid" not in parsed.classes, f"{name} has a diagram Mermaid would fetch"
        assert "source" not in parsed.components, f"{name} would ask a repository API for stars"
        loaders = [s for s in parsed.inline_scripts if "typeof ResizeObserver" in s]
        assert any("assets/vendor/resize-observer-polyfill/" in s for s in loaders), name
        assert any("assets/vendor/iframe-worker/shim.js" in url for url in parsed.fetched), name


def lesson_page(site: Path, lesson: Path) -> Path:
    return site / lesson.relative_to(DOCS).with_suffix(".html")


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_lesson_offers_its_script_and_notebook(built_site: Path, lesson: Path) -> None:
    html = lesson_page(built_site, lesson).read_text(encoding="utf-8")
    for suffix, words in ((".py", "Python script"), (".ipynb", "Jupyter notebook")):
        file_name = f"{lesson.stem}{suffix}"
        link = re.search(
            rf'<a download="{re.escape(file_name)}" href="{re.escape(file_name)}">(.+?)</a>', html
        )
        assert link is not None, f"no download link to {file_name}"
        assert words in link[1], f"the link to {file_name} does not say what it is: {link[1]}"


def imported_from_lessonlib(text: str) -> set[str]:
    """API anchors for ``from lessonlib[.module] import ...`` lines: a plain reading of the page.

    A re-exported name is documented as ``lessonlib.<name>``, any other as
    ``lessonlib.<module>.<name>``; private modules (``lessonlib._checks``) have no entry.
    """
    anchors = set()
    pattern = r"^[ \t]*from (lessonlib(?:\.[a-z]\w*)?) import \(?([\w\s,]+?)\)?$"  # folded too
    for match in re.finditer(pattern, text, re.MULTILINE):
        for name in filter(None, (name.strip() for name in match[2].split(","))):
            documented = match[1] == "lessonlib" or name in lessonlib.__all__
            anchors.add(f"lessonlib.{name}" if documented else f"{match[1]}.{name}")
    return anchors


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_lesson_links_to_the_functions_it_imports(built_site: Path, lesson: Path) -> None:
    expected = imported_from_lessonlib(lesson.read_text(encoding="utf-8"))
    anchors = {
        urlsplit(url).fragment
        for where, url in parse(lesson_page(built_site, lesson)).links
        if "reference/" in urlsplit(url).path and urlsplit(url).fragment
    }
    assert expected, "every lesson imports something from lessonlib"
    assert anchors == expected


def api_page_of(name: str) -> str:
    """The built API page that documents the dotted ``name`` (one page per module)."""
    module = next(module for module, names in public_api().items() if name in names)
    return api_page(module).removesuffix(".md") + ".html"


def test_relu_lesson_and_api_page_link_to_each_other(built_site: Path) -> None:
    """Checked by hand against docs/basics/relu.md, which imports relu and network_values."""
    relu_page = built_site / "basics" / "relu.html"
    targets = {url for where, url in parse(relu_page).links if "reference/" in url and "#" in url}
    assert targets == {
        f"../{api_page_of('lessonlib.relu')}#lessonlib.relu",
        f"../{api_page_of('lessonlib.network_values')}#lessonlib.network_values",
    }
    reference = (built_site / api_page_of("lessonlib.relu")).read_text(encoding="utf-8")
    relu_entry = reference[
        reference.index('id="lessonlib.relu"') : reference.index('id="lessonlib.relu_slope"')
    ]
    assert 'href="../basics/relu.html"' in relu_entry
    assert 'href="../basics/multi-layer-networks.html"' in relu_entry
    assert 'href="../basics/activation-functions.html"' not in relu_entry


def test_api_pages_document_every_public_name_with_its_example_as_code(built_site: Path) -> None:
    pages = sorted((built_site / "reference").glob("*.html"))
    assert len(pages) == len(public_api()), "one API page per documented module"
    ids = {anchor for page in pages for anchor in parse(page).ids}
    missing = [name for name in lessonlib.__all__ if f"lessonlib.{name}" not in ids]
    assert not missing, f"names without an entry on the API pages: {missing}"
    html = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert "<blockquote>" not in html, "a >>> example was rendered as a Markdown quote"
    assert html.count('<span class="gp">&gt;&gt;&gt; </span>') >= len(lessonlib.__all__)
    overview = (built_site / "reference.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="reference/{page.name}"' in overview, f"the overview omits {page.name}"


def test_search_index_keeps_prose_and_leaves_out_code(built_site: Path) -> None:
    """Every page fetches the index on load; code, download boxes and this page stay out."""
    entries = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    locations = {entry["location"].partition("#")[0] for entry in entries}
    assert {
        lesson_page(built_site, lesson).relative_to(built_site).as_posix() for lesson in LESSONS
    } <= locations
    assert "maintainers.html" not in locations
    text = "\n".join(entry["text"] for entry in entries)
    assert "<pre" not in text
    assert "Run this lesson yourself" not in text
    assert "print(" not in text  # no line of any lesson's code
    assert "keeps a positive weighted sum as it is" in text  # the ReLU lesson's prose
    # a lab is found by its headings, without its running text, copy buttons or "¶" links
    titles = {entry["title"] for entry in entries if entry["location"].startswith("labs/")}
    assert "Exercise 2: count the dead nodes" in titles
    assert not any("¶" in title for title in titles)
    lab_text = " ".join(entry["text"] for entry in entries if entry["location"].startswith("labs/"))
    assert "Copied!" not in lab_text
    assert "What you'll practise" not in lab_text
