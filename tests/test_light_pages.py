"""The hooks that keep pages light change bytes, never what a reader sees.

site_tools/html_whitespace.py drops indentation between tags, site_tools/svg_slim.py
runs the figures through scour, site_tools/api_styles.py links mkdocstrings' styles on
the API page only, site_tools/theme_css.py trims Material's stylesheets and
site_tools/code_spans.py drops the highlighting spans that look like the code around
them. Screenshots before and after were compared (docs/maintainers.md); these tests pin
the rules each hook must keep.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import material
import pytest
import tinycss2
from code_spans import UNSEEN, unwrapped
from html_whitespace import collapsed
from svg_slim import slim

SVG = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10">
 <metadata>made by hand</metadata>
 <g id="figure_1">
  <path d="M 1.123456 2 L 3 4" style="fill: none; stroke: #000000"/>
 </g>
</svg>
"""


def test_white_space_between_tags_collapses_but_not_inside_pre_or_script() -> None:
    html = "<p>a</p>\n   <p>b</p>\n<pre><i>x</i>\n    <i>y</i></pre>\n  <script>\n  x\n</script>"
    assert (
        collapsed(html)
        == "<p>a</p>\n<p>b</p>\n<pre><i>x</i>\n    <i>y</i></pre>\n<script>\n  x\n</script>"
    )
    assert collapsed("<b>one</b> <i>two</i>") == "<b>one</b> <i>two</i>"  # no line break: kept
    assert collapsed("<p>a\n   b</p>") == "<p>a\n   b</p>"  # text, not between tags


def test_scour_keeps_the_drawing_and_drops_the_rest(tmp_path: Path) -> None:
    slimmed = slim(SVG, tmp_path)
    root = ElementTree.fromstring(slimmed)
    path = root.find(".//{http://www.w3.org/2000/svg}path")
    assert path is not None
    assert path.get("d", "").lower().startswith("m1.1235 2")  # 5 significant digits
    assert "metadata" not in slimmed
    assert len(slimmed) < len(SVG)
    assert slim(SVG, tmp_path) == slimmed  # the second time from the cache
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.slow
def test_the_site_serves_the_slim_figures(built_site: Path) -> None:
    figures = sorted((built_site / "figures").glob("*.svg"))
    assert figures
    for figure in figures:
        text = figure.read_text(encoding="utf-8")
        assert "<metadata>" not in text, figure.name
        assert "\n " not in text, figure.name


@pytest.mark.slow
def test_mkdocstrings_styles_only_on_the_api_page(built_site: Path) -> None:
    api = (built_site / "reference" / "activations.html").read_text(encoding="utf-8")
    assert "_mkdocstrings.css" in api
    for name in ("index.html", "reference.html", "basics/relu.html", "labs/lab-1-basics.html"):
        assert "_mkdocstrings.css" not in (built_site / name).read_text(encoding="utf-8"), name


@pytest.mark.slow
def test_the_search_index_leaves_out_stamps_boxes_and_lab_prose(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    boxes = ("Install it in one line", "Install lessonlib in one line", "Do this lab")
    for repeated in ("Outputs checked", "not checked in this build", *boxes):
        assert repeated not in text, repeated


MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["main", "palette"])
def test_material_stylesheets_keep_every_class_a_page_uses(built_site: Path, name: str) -> None:
    (original,) = MATERIAL_STYLESHEETS.glob(f"{name}.*.min.css")
    served = built_site / "assets" / "stylesheets" / original.name
    full, slim = original.read_text(encoding="utf-8"), served.read_text(encoding="utf-8")
    assert len(slim) < 0.95 * len(full), f"{served.name} was not trimmed"
    assert not served.with_name(served.name + ".map").exists()  # it maps the full file
    pages = ["index.html", "basics/relu.html", "labs/lab-1-basics.html", "reference.html"]
    for page in pages:
        html = (built_site / page).read_text(encoding="utf-8")
        used = {word for value in re.findall(r'class="([^"]*)"', html) for word in value.split()}
        styled = {word for word in used if re.search(rf"\.{re.escape(word)}(?![\w-])", full)}
        lost = {word for word in styled if not re.search(rf"\.{re.escape(word)}(?![\w-])", slim)}
        assert styled, page
        assert not lost, f"{page}: {sorted(lost)}"


def test_plain_names_and_spaces_lose_their_spans_inside_pre_only() -> None:
    code = '<pre><span class="n">x</span><span class="w"> </span><span class="o">=</span></pre>'
    assert unwrapped(code) == '<pre>x <span class="o">=</span></pre>'
    prose = '<p><span class="n">y</span></p>'
    assert unwrapped(prose) == prose
    nested = '<pre><span class="n"><a href="#x">x</a></span></pre>'  # a link inside: kept
    assert unwrapped(nested) == nested


#: What a stylesheet may give the spans code_spans.py drops: the colour of the code
#: around them. Material's palettes set --md-code-hl-name-color to --md-code-fg-color,
#: the lessons' code colour; --jp-mirror-editor-variable-color is the labs' code colour.
SAME_AS_THE_CODE = {"var(--md-code-hl-name-color)", "var(--jp-mirror-editor-variable-color)"}


@pytest.mark.slow
def test_the_dropped_spans_look_like_the_code_around_them(built_site: Path) -> None:
    sheets = [*MATERIAL_STYLESHEETS.glob("*.min.css"), *built_site.rglob("*.css")]
    unseen = re.compile(rf"\.(?:{'|'.join(UNSEEN)})(?![\w-])")
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        for value in re.findall(r"--md-code-hl-name-color:([^;}]*)", css):
            assert value.strip() == "var(--md-code-fg-color)", sheet.name
        for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
            if rule.type != "qualified-rule" or not unseen.search(tinycss2.serialize(rule.prelude)):
                continue
            declarations = tinycss2.parse_declaration_list(rule.content, skip_whitespace=True)
            for declaration in declarations:
                assert declaration.type == "declaration", sheet.name
                value = tinycss2.serialize(declaration.value).strip()
                assert declaration.lower_name == "color", f"{sheet.name}: {rule.prelude}"
                assert value in SAME_AS_THE_CODE, f"{sheet.name}: {declaration.name}: {value}"
    for page in ["basics/relu.html", "labs/lab-1-basics.html", "reference/training.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert '<span class="n">' not in "".join(re.findall(r"<pre\b.*?</pre>", html, re.S))
