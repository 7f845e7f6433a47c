"""The generated figures: declared, drawn, shown, deterministic, cached and true to the lessons.

The built site comes from the session fixture ``built_site`` (conftest.py). The cache
tests call the hook's own ``prepare`` (what ``on_files`` runs) on a fresh cache
folder, so they need no extra site build: a fresh drawing must match the built
site's SVGs byte for byte, drawing again with nothing changed must draw nothing, and
after an edit to lessonlib exactly the figures whose drawing ran the edited function
are drawn again, with the new code.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree

import code_notes
import figures
import pytest
import yaml
from figure_registry import read_registry
from mkdocs.exceptions import PluginError
from svg_slim import slim

from lessonlib import plots

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "docs" / "figures.yml"
DECLARED = read_registry(REGISTRY)

#: The values the source post and issue 3 give for each figure, in the figure's words.
POST_VALUES = {
    "forward-propagation": ["inputs 2 and 3", "value 5", "value 1", "value 9"],
    "tanh-curve": ["node_0 at input 5, output 0.9999", "node_1 at input 1, output 0.7616"],
    "tanh-network": ["tanh(5) = 0.9999", "tanh(1) = 0.7616"],
    "relu-curve": ["node_0 at input 3, output 3", "node_1 at input 9, output 9"],
    "relu-network": ["value relu(3) = 3", "value relu(9) = 9", "value -3"],
    "two-hidden-layers": ["relu(26) = 26", "relu(-13) = 0", "relu(-26) = 0", "value 364"],
    "weight-change": ["prediction 9, error 6", "prediction 3, error 0", "from 2 to 0"],
    "loss-history": ["20 updates", "learning rate 0.01", "25.4 after update 1"],
    "loss-against-weight": ["current value 1", "slope is 42", "to 0.58"],
    "learning-rates": ["0.001 (too small", "0.01 (about right", "0.1 (too large: diverges"],
}


class _FigureParser(HTMLParser):
    """Collect the ``<img>`` of every ``<figure class="lesson-figure">`` on a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[dict[str, str]] = []
        self._in_figure = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "figure" and "lesson-figure" in values.get("class", "").split():
            self._in_figure = True
        elif tag == "img" and self._in_figure:
            self.images.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._in_figure = False


def shown_figures(site: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    """Every figure image shown in the site: name -> (page, the img's attributes)."""
    shown = {}
    for page in sorted(site.rglob("*.html")):
        parser = _FigureParser()
        parser.feed(page.read_text(encoding="utf-8"))
        for image in parser.images:
            name = Path(image["src"]).stem
            assert name not in shown, f"figure {name} is shown twice"
            shown[name] = (page, image)
    return shown


@pytest.fixture(scope="module")
def drawn_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], int]:
    """Every declared figure drawn into a fresh cache, as a clean build does."""
    cache = tmp_path_factory.mktemp("figure-cache")
    records, drawn = figures.prepare(REGISTRY, cache, ROOT)
    return cache, records, drawn


def test_the_issue_figures_are_declared() -> None:
    assert set(DECLARED) >= set(POST_VALUES)


@pytest.mark.slow
def test_every_declared_figure_is_in_the_built_site(built_site: Path) -> None:
    for name in DECLARED:
        svg = built_site / "figures" / f"{name}.svg"
        assert svg.is_file(), f"figure {name} was not generated"
        assert ElementTree.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
        assert svg.stat().st_size < 60_000, f"{name}.svg is {svg.stat().st_size} bytes"


@pytest.mark.slow
def test_every_page_shows_existing_figures_with_alt_text(built_site: Path) -> None:
    shown = shown_figures(built_site)
    assert set(shown) == set(DECLARED), "each declared figure is shown on exactly one page"
    for name, (page, image) in shown.items():
        target = built_site / normpath((page.parent / image["src"]).relative_to(built_site))
        assert target.is_file(), f"{page.name} shows {image['src']}, which is not in the site"
        assert image["alt"].endswith("."), f"{name} needs alt text"
        assert int(image["width"]) > 0
        assert int(image["height"]) > 0
    for page in built_site.rglob("*.html"):
        assert "<!-- figure:" not in page.read_text(encoding="utf-8"), f"marker left in {page}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(POST_VALUES))
def test_alt_text_states_the_post_values(built_site: Path, name: str) -> None:
    alt = shown_figures(built_site)[name][1]["alt"]
    for value in POST_VALUES[name]:
        assert value in alt, f"{name}: {value!r} missing from the alt text {alt!r}"


@pytest.mark.slow
def test_a_clean_drawing_gives_the_built_sites_bytes(
    built_site: Path, drawn_once: tuple[Path, dict[str, Any], int], tmp_path: Path
) -> None:
    """The site serves each drawing as scour optimizes it (site_tools/svg_slim.py)."""
    _, records, drawn = drawn_once
    assert drawn == len(DECLARED)
    for name, record in records.items():
        fresh = slim(Path(record["svg"]).read_text(encoding="utf-8"), tmp_path)
        assert fresh == (built_site / "figures" / f"{name}.svg").read_text(encoding="utf-8"), name


def test_a_rebuild_with_nothing_changed_draws_nothing(
    drawn_once: tuple[Path, dict[str, Any], int],
) -> None:
    cache, records, _ = drawn_once
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    again, drawn = figures.prepare(REGISTRY, cache, ROOT)
    assert drawn == 0
    assert again == records
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == before


def test_changing_one_weight_redraws_that_figure_with_the_new_value(
    drawn_once: tuple[Path, dict[str, Any], int], tmp_path: Path
) -> None:
    cache, records, _ = drawn_once
    declared = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    declared["forward-propagation"]["arguments"]["weights"]["node_0"] = [1, 2]
    registry = tmp_path / "figures.yml"
    registry.write_text(yaml.safe_dump(declared), encoding="utf-8")

    changed, drawn = figures.prepare(registry, cache, ROOT)

    assert drawn == 1
    assert {n for n in changed if changed[n]["svg"] != records[n]["svg"]} == {"forward-propagation"}
    svg = Path(changed["forward-propagation"]["svg"]).read_text(encoding="utf-8")
    drawn_texts = re.findall(r"<!-- (.*?) -->", svg)  # matplotlib notes each text it draws
    assert "8" in drawn_texts  # node_0 = 2*1 + 3*2, by hand
    assert "15" in drawn_texts  # output = 8*2 + 1*(-1)
    assert "value 8" in changed["forward-propagation"]["alt"]


def test_a_changed_weight_changes_the_drawn_node_value() -> None:
    weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    before = [text.get_text() for text in plots.draw_network(weights, [2, 3]).axes[0].texts]
    weights["node_1"] = [-1, 2]  # node_1 = -2 + 6 = 4, output = 10 - 4 = 6
    after = [text.get_text() for text in plots.draw_network(weights, [2, 3]).axes[0].texts]
    assert "4" not in before
    assert "9" in before
    assert "4" in after
    assert "6" in after
    assert "9" not in after


def test_a_highlighted_edge_is_drawn_in_orange() -> None:
    weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    figure = plots.draw_network(weights, [2, 3], highlight=[["node_1", 0]])
    texts = figure.axes[0].texts
    orange = [text.get_text() for text in texts if text.get_color() == plots.HIGHLIGHT]
    assert orange == ["-1"]  # the weight from input 0 into node_1


def _page(src_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_a_marker_becomes_a_figure_linked_from_the_page(
    drawn_once: tuple[Path, dict[str, Any], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, records, _ = drawn_once
    record = {**records["relu-network"], "uri": "figures/relu-network.svg"}
    monkeypatch.setattr(figures, "_figures", {"relu-network": record})
    monkeypatch.setattr(figures, "_shown", set())
    monkeypatch.setattr(figures, "_enabled", True)
    markdown = "Before.\n\n<!-- figure: relu-network -->\n\nAfter.\n"
    page = figures.on_page_markdown(markdown, page=_page("basics/relu.md"), config=None, files=None)
    assert "](../figures/relu-network.svg){" in page
    assert "node\\_0" in page  # alt text escaped for Markdown
    assert f"<figcaption>{record['caption']}</figcaption>" in page
    with pytest.raises(PluginError, match="no figure 'relu-netwrok'"):
        figures.on_page_markdown(
            "<!-- figure: relu-netwrok -->", page=_page("a.md"), config=None, files=None
        )
    monkeypatch.setattr(figures, "_enabled", False)
    off = figures.on_page_markdown(markdown, page=_page("basics/relu.md"), config=None, files=None)
    assert off == "Before.\n\n\n\nAfter.\n"


@pytest.mark.parametrize(
    ("declaration", "message"),
    [
        ("Bad_Name: {function: draw_network, arguments: {}, caption: c}", "dashes"),
        ("a: {function: draw_network, arguments: {}}", "give exactly"),
        ("a: {function: print, arguments: {}, caption: c}", "draw_"),
        ("a: {function: draw_network, arguments: [1], caption: c}", "arguments must map"),
    ],
)
def test_a_bad_declaration_is_named(tmp_path: Path, declaration: str, message: str) -> None:
    registry = tmp_path / "figures.yml"
    registry.write_text(declaration, encoding="utf-8")
    with pytest.raises(PluginError, match=message):
        read_registry(registry)


def test_a_drawing_error_names_the_figure(tmp_path: Path) -> None:
    registry = tmp_path / "figures.yml"
    registry.write_text(
        "broken: {function: draw_network, arguments: {weights: {output: [1]}, input_data: [1]},"
        " caption: c}",
        encoding="utf-8",
    )
    with pytest.raises(PluginError, match=r"figure 'broken': KeyError: .*node_0"):
        figures.prepare(registry, tmp_path / "cache", ROOT)


def test_lessonlib_imports_matplotlib_only_to_draw_and_never_pyplot() -> None:
    script = (
        "import sys, lessonlib, lessonlib.plots\n"
        "print('matplotlib' in sys.modules)\n"
        "lessonlib.plots.draw_loss_history([1, 2], 0, [1, 1])\n"
        "print('matplotlib' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.stdout.split() == ["False", "True", "False"], done.stderr


def test_drawing_leaves_matplotlib_settings_alone() -> None:
    import matplotlib

    before = matplotlib.rcParams.copy()
    plots.draw_activation("sigmoid")
    assert matplotlib.rcParams.copy() == before


@pytest.mark.parametrize(
    ("draw", "error", "message"),
    [
        (
            lambda: plots.draw_network({"node_0": [1], "output": [1]}, [1], "softmax"),
            ValueError,
            "activation must be one of",
        ),
        (
            lambda: plots.draw_network({"node_0": [1], "output": [1]}, [1], activation=3),
            TypeError,
            "activation must be one of identity, relu, leaky_relu, tanh, sigmoid",
        ),
        (
            lambda: plots.draw_network(
                {"node_0": [1], "output": [1]}, [1], highlight=[["node_9", 0]]
            ),
            ValueError,
            "highlight must list",
        ),
        (
            lambda: plots.draw_network(
                {"node_0": [1], "output": [1]}, [1], highlight=[["output", 3]]
            ),
            ValueError,
            "highlight index 3",
        ),
        (
            lambda: plots.draw_weight_change(
                {"node_0": [1], "output": [1]},
                {"node_0": [1], "node_1": [1], "output": [1, 1]},
                [1],
                0,
            ),
            KeyError,
            "must name the same nodes",
        ),
        (
            lambda: plots.draw_loss_against_weight([1, 2], 0, [1, 1], weight_index=2),
            ValueError,
            "weight_index must be below 2",
        ),
        (
            lambda: plots.draw_learning_rates([1, 2], 0, [1, 1], learning_rates=[0.1] * 5),
            ValueError,
            "learning_rates must hold 1 to 4",
        ),
        (
            lambda: plots.draw_learning_rates([1, 2], 0, [1, 1], learning_rates=[-0.1]),
            ValueError,
            "learning_rates must be greater than 0",
        ),
        (
            lambda: plots.draw_activation("tanh", x_range=("a", 1)),
            TypeError,
            "x_range must be a number",
        ),
    ],
)
def test_bad_input_is_named(draw: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        draw()


def test_a_figure_not_from_lessonlib_has_no_alt_text() -> None:
    from matplotlib.figure import Figure

    with pytest.raises(ValueError, match="no alt text"):
        plots.alt_text(Figure())


def _add_after_docstring(path: Path, function: str, statement: str) -> None:
    """Run ``statement`` first in ``function``, on its docstring's last line: no line moves."""
    source = path.read_text(encoding="utf-8")
    [node] = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and node.name == function
    ]
    assert ast.get_docstring(node), f"{function} has no docstring to write after"
    lines = source.splitlines(keepends=True)
    end = (node.body[0].end_lineno or node.body[0].lineno) - 1
    lines[end] = f"{lines[end].rstrip()}; {statement}\n"
    path.write_text("".join(lines), encoding="utf-8")


def _ran(cache: Path, name: str) -> set[tuple[str, str]]:
    """The lessonlib functions that the cached drawing of figure ``name`` ran."""
    meta = cache / f"{name}-{figures.figure_key(DECLARED[name])}.json"
    code = json.loads(meta.read_text(encoding="utf-8"))["used"]["code"]
    return {(path, function) for path, entry in code.items() for function in entry["ran"]}


@pytest.mark.slow
def test_an_edited_function_redraws_exactly_the_figures_that_ran_it(tmp_path: Path) -> None:
    root, cache = tmp_path / "project", tmp_path / "cache"
    shutil.copytree(ROOT / "lessonlib", root / "lessonlib", ignore=shutil.ignore_patterns("__py*"))
    _, drawn = figures.prepare(REGISTRY, cache, root)
    assert drawn == len(DECLARED)
    ran = {name: _ran(cache, name) for name in DECLARED}

    # A function that no figure's drawing ran: nothing is drawn again.
    unused = next(
        (path, function)
        for path in sorted(root.glob("lessonlib/*.py"))
        for function, node in code_notes.functions(ast.parse(path.read_text()).body)
        if ast.get_docstring(node)
        and not any((path.relative_to(root).as_posix(), function) in used for used in ran.values())
    )
    _add_after_docstring(*unused, "pass")
    assert figures.prepare(REGISTRY, cache, root)[1] == 0

    # The function that draws the loss history, now one update longer.
    drawing = inspect.unwrap(plots.draw_loss_history)
    path = root / Path(inspect.getsourcefile(drawing) or "").relative_to(ROOT)
    _add_after_docstring(path, drawing.__name__, "n_updates = n_updates + 1")
    records, drawn = figures.prepare(REGISTRY, cache, root)
    key = (path.relative_to(root).as_posix(), drawing.__name__)
    assert drawn == sum(key in used for used in ran.values()) >= 1
    updates = DECLARED["loss-history"]["arguments"]["n_updates"] + 1
    assert f"{updates} updates" in records["loss-history"]["alt"]
