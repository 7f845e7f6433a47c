"""The labs' notebook styles: one cached file, trimmed without changing what matches.

site_tools/lab_styles.py moves mkdocs-jupyter's inline styles out of each lab page, and
site_tools/notebook_css.py trims them. That the labs look the same was checked with
full-page screenshots of both palettes, before and after (docs/maintainers.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from notebook_css import could_match, trimmed, used_names
from site_build import DOCS

CSS = """
@charset "UTF-8";
.page{--used:1px;--unused:2px;--chained:var(--deep);--deep:red}
.page .cell{margin:var(--used);color:var(--chained)}
.menu,.page p{padding:0}
#dialog{display:none}
[data-theme=dark] .cell{color:white}
.cell:not(.hidden):hover{color:blue}
@media (max-width:600px){.menu{display:none}.cell{margin:0}}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes fade{to{opacity:0}}
.cell .spinner{animation:spin 1s}
.spinner{animation:fade 1s}
"""
PAGE = '<div class="page"><div class="cell"><span class="spinner"></span></div></div>'


@pytest.fixture
def kept() -> str:
    return trimmed(CSS, used_names([PAGE]), [])


def test_a_rule_needing_a_missing_class_id_or_attribute_goes(kept: str) -> None:
    assert ".menu" not in kept
    assert "#dialog" not in kept
    assert "data-theme" not in kept
    assert ".page p{padding:0}" in kept  # the selector list keeps what can match


def test_what_the_page_can_match_stays(kept: str) -> None:
    assert ".cell:not(.hidden):hover{color:blue}" in kept  # excluded and hover need no name
    assert "@media (max-width:600px){.cell{margin:0}}" in kept


def test_custom_properties_stay_only_when_read(kept: str) -> None:
    assert "--used:1px" in kept
    assert "--chained:var(--deep)" in kept
    assert "--deep:red" in kept  # read through --chained
    assert "--unused" not in kept
    assert "--unused:2px" in trimmed(CSS, used_names([PAGE]), ["a{b:var(--unused)}"])


def test_keyframes_stay_only_when_an_animation_names_them(kept: str) -> None:
    assert "@keyframes spin" in kept
    assert "@keyframes fade" in kept
    without_spinner = trimmed(CSS, used_names(['<div class="page"></div>']), [])
    assert "@keyframes" not in without_spinner


def test_could_match() -> None:
    names = {"a", "b", "lang"}
    assert could_match(".a .b > p:first-child", names)
    assert could_match(".a:not(.zzz)", names)
    assert could_match("[lang=en] .a", names)
    assert not could_match(".a .c", names)
    assert not could_match("#a-menu", names)


LABS = sorted((DOCS / "labs").glob("lab-*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS, ids=lambda path: path.stem)
def test_a_lab_page_links_the_shared_styles_and_inlines_none(built_site: Path, lab: Path) -> None:
    html = (built_site / "labs" / f"{lab.stem}.html").read_text(encoding="utf-8")
    assert "<style" not in html
    assert '<link rel="stylesheet" href="../assets/stylesheets/notebook.css">' in html
    assert '<link rel="stylesheet" href="labs.css">' in html
    assert "text/x-mathjax-config" not in html
    assert "jp-Mermaid" not in html
    # the copy buttons' icon is drawn once and used by every button
    assert html.count('<symbol id="lab-copy-icon"') == 1
    assert (
        html.count('<use href="#lab-copy-icon">') == html.count('class="clipboard-copy-icon"') > 0
    )
    # each copy button copies its cell's <pre>, with no hidden second copy of the code
    assert "clipboard-copy-txt" not in html
    targets = re.findall(r'<clipboard-copy [^>]*\bfor="([^"]+)"', html)
    assert targets
    for target in targets:
        assert html.count(f'<pre id="{target}">') == 1, target


@pytest.mark.slow
def test_the_shared_styles_are_small_and_other_pages_do_without(built_site: Path) -> None:
    size = (built_site / "assets" / "stylesheets" / "notebook.css").stat().st_size
    assert 0 < size < 40_000, f"notebook.css is {size} bytes"
    for name in ("index.html", "basics/relu.html", "reference.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        assert "notebook.css" not in html, name
        assert "labs.css" not in html, name
