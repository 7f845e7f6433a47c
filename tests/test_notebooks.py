"""Each lesson's downloads run on a learner's machine, and print what the lesson page shows.

The notebook and the script are taken from the built site (fixture ``built_site``),
exactly as a reader downloads them, and run with only the site's wheel installed, in a
fresh virtual environment outside the repository (fixture ``reader_venv``): the notebook
in a kernel of that environment through nbclient, the script in its Python. What they
print is compared with the page's ``output`` fences by the same checker as the lessons
(NORMALIZE_WHITESPACE and NUMBER, site_tools/checked_output.py).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from checked_output import output_mismatch
from lesson_source import CodeBlock, code_blocks, missing_module
from reader_venv import ReaderVenv
from site_build import DOCS, lesson_id, lesson_paths, site_url

pytestmark = pytest.mark.slow

LESSONS = lesson_paths()
CELL_TIMEOUT_S = 120  # a lesson cell runs in well under a second; this only stops a hang


def download(site: Path, lesson: Path, suffix: str) -> Path:
    return site / lesson.relative_to(DOCS).with_suffix(suffix)


def printed(cell: nbformat.NotebookNode) -> str:
    """What a code cell wrote to stdout; any other stream or an error fails the test."""
    text = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            assert output.name == "stdout", f"the cell wrote to {output.name}: {output.text}"
            text.append(output.text)
        assert output.output_type != "error", f"the cell raised {output.ename}"
    return "".join(text)


def skip_without_optional_modules(blocks: list[CodeBlock]) -> None:
    """Skip, saying why, a lesson with a block that needs a module this machine lacks."""
    for block in blocks:
        reason = missing_module(block)
        if reason is not None:
            pytest.skip(f"line {block.line}: {reason}")


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_notebook_prints_the_lesson_outputs(
    built_site: Path, reader_venv: ReaderVenv, lesson: Path, tmp_path: Path
) -> None:
    blocks = code_blocks(lesson.read_text(encoding="utf-8"), str(lesson))
    skip_without_optional_modules(blocks)
    notebook = nbformat.read(download(built_site, lesson, ".ipynb"), as_version=4)
    nbformat.validate(notebook)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code_cells) == len(blocks), "one code cell per python fence"
    prose = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "```output" not in prose, "the expected output is left to the code cells to print"

    client = reader_venv.client(
        notebook, timeout=CELL_TIMEOUT_S, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()

    mismatches = [
        f"cell {index} (lesson line {block.line}): {problem}"
        for index, (cell, block) in enumerate(zip(code_cells, blocks, strict=True))
        if (problem := output_mismatch(block, printed(cell))) is not None
    ]
    assert not mismatches, "\n".join(mismatches)


def split_by_block(printed: str, blocks: list[CodeBlock]) -> list[str]:
    """Cut a script's whole stdout into each block's share, by the lines its fence shows."""
    lines = printed.splitlines(keepends=True)
    shares = []
    for block in blocks:
        count = len(block.output.splitlines()) if block.output is not None else 0
        shares.append("".join(lines[:count]))
        lines = lines[count:]
    assert not lines, f"the script printed more than the page shows:\n{''.join(lines)}"
    return shares


@pytest.mark.parametrize("lesson", LESSONS, ids=lesson_id)
def test_script_prints_every_output_of_the_lesson(
    built_site: Path, reader_venv: ReaderVenv, lesson: Path, tmp_path: Path
) -> None:
    """Each block's share of the output is checked as the lesson checks that block."""
    blocks = code_blocks(lesson.read_text(encoding="utf-8"), str(lesson))
    skip_without_optional_modules(blocks)
    result = subprocess.run(
        [str(reader_venv.python), str(download(built_site, lesson, ".py"))],
        cwd=tmp_path,
        env=reader_venv.environment(),
        capture_output=True,
        text=True,
        timeout=CELL_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr, result.stderr
    mismatches = [
        f"block at lesson line {block.line}: {problem}"
        for block, share in zip(blocks, split_by_block(result.stdout, blocks), strict=True)
        if (problem := output_mismatch(block, share)) is not None
    ]
    assert not mismatches, "\n".join(mismatches)


def test_the_learner_imports_lessonlib_from_the_wheel(
    reader_venv: ReaderVenv, tmp_path: Path
) -> None:
    """The fresh environment cannot see the checkout: its lessonlib is the installed wheel."""
    result = subprocess.run(
        [str(reader_venv.python), "-c", "import lessonlib; print(lessonlib.__file__)"],
        cwd=tmp_path,
        env=reader_venv.environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    where = Path(result.stdout.strip())
    assert where.is_relative_to(reader_venv.python.parent.parent), where
    assert not where.is_relative_to(DOCS.parent), f"{where} is the checkout's lessonlib"


NOTEBOOK_LINK = re.compile(r"\]\((?P<url>https?://[^)\s>]+)\)|<(?P<bare>https?://[^>\s]+)>")


@pytest.mark.parametrize("notebook", ["lessons", "labs"])
def test_every_link_of_the_downloaded_notebooks_resolves_in_the_built_site(
    built_site: Path, notebook: str
) -> None:
    """A link to the published site names a page (and an anchor) that the build wrote."""
    published = site_url().rstrip("/") + "/"
    notebooks = sorted(
        path
        for path in built_site.rglob("*.ipynb")
        if (path.parent.name == "labs") == (notebook == "labs")
    )
    assert notebooks, f"the built site has no {notebook} notebooks"
    broken, checked = [], 0
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join(
            "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
        )
        for match in NOTEBOOK_LINK.finditer(text):
            url = match["url"] or match["bare"]
            if not url.startswith(published):
                continue
            checked += 1
            target = built_site / urlsplit(url).path.removeprefix(urlsplit(published).path)
            anchor = urlsplit(url).fragment
            page = target.read_text(encoding="utf-8") if target.is_file() else ""
            if not page or (anchor and f'id="{anchor}"' not in page):
                broken.append(f"{path.relative_to(built_site)}: {url}")
    assert checked, "no notebook links to a page of the site"
    assert not broken, "links that lead nowhere in the built site:\n" + "\n".join(broken)
