"""The pages of the built site, named from their sources under ``docs/``.

Test ids and parameters must be known when pytest collects, before any site is
built, so the pages are read from ``docs/`` and the navigation in ``mkdocs.yml``
(which also lists pages written in other formats, such as notebooks kept as
``.py`` files). ``test_browser_pages.py`` then checks that the built site holds
no HTML page that this list misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from api_links import api_page, public_api
from lesson_source import CodeBlock, code_blocks
from sybil import Document
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_ANY_FENCE = RawFencedCodeBlockLexer(
    info_pattern=re.compile(r"(?P<language>[^\n]*)$\n", re.MULTILINE)
)


@dataclass(frozen=True)
class SitePage:
    """One page of the site: the Markdown it is built from, if any."""

    name: str  # "basics/relu", "index", or "404" for the page MkDocs makes itself
    source: str = ".md"  # the suffix of the file under docs/ that the page is built from

    @property
    def markdown_path(self) -> Path | None:
        path = DOCS / f"{self.name}.md"
        return path if self.source == ".md" and path.is_file() else None

    @property
    def markdown(self) -> str:
        path = self.markdown_path
        return path.read_text(encoding="utf-8") if path else ""

    @property
    def code_blocks(self) -> list[CodeBlock]:
        return code_blocks(self.markdown, str(self.markdown_path))

    def fence_number(self, block: CodeBlock) -> int:
        """Where ``block`` comes among all the page's fenced blocks, of any language, from 0.

        The built page shows every fence as one highlighted block, in the same order.
        """
        fences = sorted(region.start for region in _ANY_FENCE(Document(self.markdown, "")))
        assert block.start in fences, f"{self.markdown_path} changed since pytest collected it"
        return fences.index(block.start)

    @property
    def fence_count(self) -> int:
        return len(list(_ANY_FENCE(Document(self.markdown, ""))))

    @property
    def is_lesson(self) -> bool:
        """A lesson shows code that prints, with its output under it."""
        return any(block.output is not None for block in self.code_blocks)

    def built_file(self, site: Path) -> Path:
        """The HTML file of this page in the built ``site``, for either URL style.

        MkDocs writes ``basics/relu/index.html`` by default, and ``basics/relu.html``
        when ``use_directory_urls`` is off (as material's offline plugin needs).
        """
        flat = site / f"{self.name}.html"
        if self.name in ("index", "404") or flat.is_file():
            return flat
        return site / self.name / "index.html"

    def url_path(self, site: Path) -> str:
        """The page's address relative to the site root, as a reader's link gives it."""
        relative = self.built_file(site).relative_to(site).as_posix()
        return relative.removesuffix("index.html")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring tags such as ``!!python/name`` that only MkDocs resolves."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_files(entry: Any) -> list[str]:
    """The file names in a ``nav`` entry of mkdocs.yml, at any depth."""
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [name for item in entry for name in _nav_files(item)]
    if isinstance(entry, dict):
        return [name for value in entry.values() for name in _nav_files(value)]
    return []


def mkdocs_config() -> dict[str, Any]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    assert isinstance(config, dict), "mkdocs.yml should hold a mapping"
    return config


def site_sub_path() -> str:
    """The path the site is published under: that of ``site_url``, else a made-up one.

    MkDocs' 404 page links its styles from the root of ``site_url``'s path, since it
    is served at any depth; the other pages link relatively and work under any path.
    """
    path = urlsplit(mkdocs_config().get("site_url") or "").path or "/neural-networks/"
    return path if path.endswith("/") else path + "/"


def site_pages() -> list[SitePage]:
    """Every page: each Markdown file under ``docs/``, each other page in the navigation,
    each module's API page (site_tools/api_pages.py) and MkDocs' own 404 page."""
    config = mkdocs_config()
    sources = {path.relative_to(DOCS) for path in DOCS.rglob("*.md")}
    sources |= {Path(name) for name in _nav_files(config.get("nav", [])) if (DOCS / name).is_file()}
    pages = [SitePage(path.with_suffix("").as_posix(), path.suffix) for path in sources]
    pages += [SitePage(api_page(module).removesuffix(".md"), "") for module in public_api()]
    return [*sorted(pages, key=lambda page: page.name), SitePage("404", source="")]


def lesson_pages() -> list[SitePage]:
    """The pages with code that prints."""
    return [page for page in site_pages() if page.is_lesson]


def built_html_pages(site: Path) -> set[Path]:
    """Every HTML page in the built site, leaving out theme assets."""
    return {path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts}
