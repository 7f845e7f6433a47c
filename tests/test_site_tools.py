"""The build's converters on small made-up inputs: notebooks, scripts, imports, doctests."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path

import pytest
from api_links import imported_names, is_private
from doctest_fences import fence_doctests
from notebooks import Figure, lesson_notebook, lesson_script, lesson_title

FENCE = "```"
LESSON = f"""# Add two numbers

**What you'll learn**

- How to add, as shown in [the first lesson](../basics/relu.md#define-relu).

## Add them

{FENCE}python
from __future__ import annotations

print(1 + 2)
{FENCE}

{FENCE}output
3
{FENCE}

!!! note "Why three"
    One and two make three.

    Always.

## Add again

{FENCE}python
total: int = 2 + 2
{FENCE}
"""


def test_notebook_has_prose_cells_and_code_cells_without_outputs() -> None:
    notebook = lesson_notebook(LESSON, "chapter/add.md")
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["markdown", "code", "markdown", "code"]
    assert notebook.cells[1].source == "from __future__ import annotations\n\nprint(1 + 2)"
    assert [cell.id for cell in notebook.cells] == ["cell-0", "cell-1", "cell-2", "cell-3"]
    assert all("3\n" not in cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_notebook_prose_is_portable() -> None:
    """Admonitions become quotes; a page link is plain text, or absolute with a site URL."""
    offline, online = (
        lesson_notebook(LESSON, "chapter/add.md", site_url)
        for site_url in (None, "https://example.org/site/")
    )
    assert "as shown in the first lesson." in offline.cells[0].source
    assert (
        "[the first lesson](https://example.org/site/basics/relu.html#define-relu)"
        in online.cells[0].source
    )
    # The first cell names the lesson (linked when the site's address is known), not its file.
    assert "docs/" not in offline.cells[0].source
    assert "[Add two numbers](https://example.org/site/chapter/add.html)" in online.cells[0].source
    assert "Install lessonlib first: `pip install lessonlib`" in offline.cells[0].source
    note = offline.cells[2].source
    assert note.startswith("> **Why three**\n>\n> One and two make three.\n>\n> Always.")
    assert "!!!" not in note


def test_script_runs_top_to_bottom_with_its_future_import_first(tmp_path: Path) -> None:
    script = lesson_script(LESSON, "chapter/add.md")
    assert script.count("from __future__ import annotations") == 1
    assert "# %% Add them\n" in script
    assert "# %% Add again\n" in script
    path = tmp_path / "add.py"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True)
    assert result.stdout == "3\n"


def test_lesson_without_title_is_refused() -> None:
    with pytest.raises(ValueError, match="Title"):
        lesson_title("## Only a step\n")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from lessonlib import relu, tanh as t", {"lessonlib.relu", "lessonlib.tanh"}),
        ("from lessonlib.plots import draw_network", {"lessonlib.plots.draw_network"}),
        ("import lessonlib as ll\nll.relu(1)", {"lessonlib.relu"}),
        (
            "import lessonlib.activations\nlessonlib.activations.relu(1)",
            {
                "lessonlib.activations",
                "lessonlib.activations.relu",
            },
        ),
        ("import numpy as np\nfrom lessonlibrary import relu\nnp.sum([1])", set()),
    ],
)
def test_imported_names(source: str, expected: set[str]) -> None:
    assert imported_names(source) == expected


def test_private_names() -> None:
    assert is_private("lessonlib._checks.as_values")
    assert not is_private("lessonlib.plots.draw_network")


def test_doctest_examples_are_fenced_up_to_the_blank_line() -> None:
    docstring = "Add one.\n\n>>> add_one(1)\n2\n>>> add_one(\n...     2)\n3\n\nMore text."
    assert fence_doctests(docstring) == (
        "Add one.\n\n```pycon\n>>> add_one(1)\n2\n>>> add_one(\n...     2)\n3\n```\n\nMore text."
    )


def test_indented_doctest_examples_keep_their_indent() -> None:
    assert fence_doctests("Examples:\n    >>> 1 + 1\n    2") == (
        "Examples:\n    ```pycon\n    >>> 1 + 1\n    2\n    ```"
    )


def test_figure_marker_becomes_the_figure_in_a_data_url() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    text = "# Look\n\n<!-- figure: tiny-dot -->\n\n<!-- figure: not-drawn -->\n\nDone.\n"
    notebook = lesson_notebook(text, "look.md", figures={"tiny-dot": Figure(svg, "A dot.")})
    cell = notebook.cells[0].source
    image = re.search(
        r"!\[Figure: tiny dot\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", cell
    )
    assert image is not None, cell
    assert base64.b64decode(image[1]).decode("utf-8") == svg
    assert "*A dot.*" in cell
    assert "figure:" not in cell  # the marker of a figure that was not drawn is left out
