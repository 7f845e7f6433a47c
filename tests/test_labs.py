"""The lab notebooks run as the site build runs them, and their checks can fail.

Each lab in ``docs/labs/`` is a jupytext percent-format notebook, written as the
learner downloads it: under each exercise, the learner's cell (tagged ``exercise``,
which raises ``NotImplementedError`` until filled in) and a check; at the end, the
reference solutions (tagged ``solution``), folded. The site build runs it with each
solution in place of its exercise's cell (``site_tools/lab_layout.py``).

These tests run each lab in a fresh kernel (jupytext -> nbformat -> nbclient +
ipykernel), both ways: laid out as the site runs it, every cell must succeed and
every check must pass; as the learner downloads it, every check must fail, so no
check passes without calling the code it is meant to check.

The lab's ``.ipynb`` download (site_tools/lab_downloads.py) is run both ways too, as
the built site serves it, in a kernel of a fresh environment that has only the site's
wheel (fixture ``reader_venv``); it must hold the same cells, tags and metadata.
"""

from __future__ import annotations

import html
import re
import symtable
import tempfile
from pathlib import Path

import jupytext
import nbformat
import pytest
from lab_layout import FOLDED, solution_pairs, tags, with_solutions
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat import NotebookNode
from reader_venv import ReaderVenv

ROOT = Path(__file__).resolve().parent.parent
LAB_DIR = ROOT / "docs" / "labs"
LABS = sorted(LAB_DIR.glob("lab-*.py"))
PASSED = re.compile(r"^Exercise (\d+) passed", re.MULTILINE)
COMPREHENSIONS = {"listcomp", "dictcomp", "setcomp", "genexpr"}  # scopes of their own in 3.11
KERNEL_TIMEOUT_S = 120  # per cell; a lab runs in seconds, this only stops a hung kernel

pytestmark = pytest.mark.slow


def lab_id(path: Path) -> str:
    return path.stem


def read_lab(path: Path) -> NotebookNode:
    return jupytext.read(path)


def run(
    notebook: NotebookNode, allow_errors: bool, reader: ReaderVenv | None = None
) -> NotebookNode:
    """Execute ``notebook`` in a fresh kernel and return it.

    The kernel is this checkout's python3, in the labs folder, or with ``reader`` a
    kernel of that learner's environment, in an empty folder.
    """
    options: dict[str, object] = {"timeout": KERNEL_TIMEOUT_S, "allow_errors": allow_errors}
    if reader is None:
        resources = {"metadata": {"path": str(LAB_DIR)}}
        return NotebookClient(
            notebook, kernel_name="python3", resources=resources, **options
        ).execute()
    with tempfile.TemporaryDirectory() as folder:
        resources = {"metadata": {"path": folder}}
        return reader.client(notebook, resources=resources, **options).execute()


def printed(cell: NotebookNode) -> str:
    return "".join(output.get("text", "") for output in cell.get("outputs", []))


def errors(cell: NotebookNode) -> list[str]:
    return [output["ename"] for output in cell.get("outputs", []) if output.output_type == "error"]


def exercises(notebook: NotebookNode) -> list[tuple[int, NotebookNode]]:
    return [(i, cell) for i, cell in enumerate(notebook.cells) if "exercise" in tags(cell)]


def globals_read(table: symtable.SymbolTable) -> set[str]:
    """The global names a scope and the scopes nested in it read."""
    names = set(table.get_globals()) if table.get_type() == "function" else set()
    for child in table.get_children():
        names |= globals_read(child)
    return names


def data_read_by_functions(source: str) -> dict[str, set[str]]:
    """For each function defined in ``source``, the module-level data it reads.

    Data is any name the module assigns, other than imports and the names of
    functions and classes: calling another function is fine, reading its
    variables is not.
    """
    module = symtable.symtable(source, "<lab>", "exec")
    data = {
        symbol.get_name()
        for symbol in module.get_symbols()
        if symbol.is_assigned() and not symbol.is_imported() and not symbol.is_namespace()
    }
    functions = [table for table in module.get_children() if table.get_name() not in COMPREHENSIONS]
    return {table.get_name(): globals_read(table) & data for table in functions}


def test_the_labs_exist() -> None:
    assert [path.name for path in LABS] == [
        "lab-1-basics.py",
        "lab-2-optimization.py",
        "lab-3-backprop.py",
        "lab-4-training.py",
    ]


def checked_lab(lab: Path) -> object:
    """``lab`` as a test parameter that marks it as a check of the lab's page (its stamp)."""
    return pytest.param(lab, marks=pytest.mark.checks(lab.relative_to(ROOT / "docs").as_posix()))


def downloaded(site: Path, lab: Path) -> NotebookNode:
    """The lab's ``.ipynb`` as the built site serves it."""
    notebook = nbformat.read(site / "labs" / f"{lab.stem}.ipynb", as_version=4)
    nbformat.validate(notebook)
    return notebook


def assert_passes_with_the_reference_solutions(
    notebook: NotebookNode, name: str, reader: ReaderVenv | None = None
) -> None:
    n_exercises = len(exercises(notebook))
    try:
        executed = run(with_solutions(notebook), allow_errors=False, reader=reader)
    except CellExecutionError as error:
        pytest.fail(f"{name} fails with its reference solutions:\n{error}")
    passed = [int(n) for cell in executed.cells for n in PASSED.findall(printed(cell))]
    assert passed == list(range(1, n_exercises + 1))


@pytest.mark.parametrize("lab", [checked_lab(lab) for lab in LABS], ids=lab_id)
def test_lab_runs_and_passes_with_the_reference_solutions(lab: Path) -> None:
    assert_passes_with_the_reference_solutions(read_lab(lab), lab.name)


@pytest.mark.parametrize("lab", [checked_lab(lab) for lab in LABS], ids=lab_id)
def test_every_check_fails_until_the_learner_writes_the_code(lab: Path) -> None:
    assert_fails_until_the_learner_writes_the_code(read_lab(lab), lab.name)


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_downloaded_notebook_passes_with_the_reference_solutions(
    built_site: Path, reader_venv: ReaderVenv, lab: Path
) -> None:
    notebook = downloaded(built_site, lab)
    assert_passes_with_the_reference_solutions(notebook, f"{lab.stem}.ipynb", reader_venv)


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_downloaded_notebook_fails_until_the_learner_writes_the_code(
    built_site: Path, reader_venv: ReaderVenv, lab: Path
) -> None:
    notebook = downloaded(built_site, lab)
    assert_fails_until_the_learner_writes_the_code(notebook, f"{lab.stem}.ipynb", reader_venv)


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_downloaded_notebook_keeps_every_cell_with_its_tags(built_site: Path, lab: Path) -> None:
    """Same cells, sources, tags and folding as the lab; only the first cell gains a line."""
    source, notebook = read_lab(lab), downloaded(built_site, lab)
    assert len(notebook.cells) == len(source.cells)
    for index, (ours, theirs) in enumerate(zip(source.cells, notebook.cells, strict=True)):
        assert theirs.cell_type == ours.cell_type, f"cell {index}"
        assert tags(theirs) == tags(ours), f"cell {index}"
        assert theirs.metadata.get("jupyter") == ours.metadata.get("jupyter"), f"cell {index}"
        if index:
            assert theirs.source == ours.source, f"cell {index}"
    assert notebook.cells[0].source.startswith(source.cells[0].source.partition("\n")[0])
    assert "pip install " in notebook.cells[0].source
    assert [cell.id for cell in notebook.cells] == [f"cell-{n}" for n in range(len(source.cells))]


def assert_fails_until_the_learner_writes_the_code(
    notebook: NotebookNode, name: str, reader: ReaderVenv | None = None
) -> None:
    """The learner's download, run as is: each check must stop on the empty exercise."""
    executed = run(notebook, allow_errors=True, reader=reader)
    for index, _exercise in exercises(executed):
        check = executed.cells[index + 1]
        assert check.cell_type == "code", f"{name}: no check cell after cell {index}"
        assert not tags(check), f"{name}: cell {index + 1} should be a check, untagged"
        assert errors(check) == ["NotImplementedError"], (
            f"{name}: the check after exercise cell {index} should stop with the "
            f"learner's NotImplementedError, got {errors(check) or printed(check)!r}"
        )
    assert not PASSED.search("".join(printed(cell) for cell in executed.cells))


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_the_solutions_wait_folded_at_the_end(lab: Path) -> None:
    """Under each question the learner's cell; every solution after the last exercise."""
    notebook = read_lab(lab)
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# Lab ")
    pairs = solution_pairs(notebook)  # one solution per exercise, defining the same names
    assert pairs, f"{lab.name} has no exercise cells"
    first_solution = min(i for i, cell in enumerate(notebook.cells) if "solution" in tags(cell))
    assert notebook.cells[first_solution].source.startswith("## Reference solutions")
    assert first_solution > max(index for index, _ in pairs)
    assert all("solution" in tags(cell) for cell in notebook.cells[first_solution:])
    for index, solution in pairs:
        assert "raise NotImplementedError" in notebook.cells[index].source
        assert solution.metadata.get("jupyter", {}).get("source_hidden") is True
    shown_early = [cell.source for cell in notebook.cells[:first_solution]]
    assert not any("<summary>Solution" in source for source in shown_early), (
        f"{lab.name}: a solution is written out before the appendix"
    )


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_the_page_shows_each_solution_folded_under_its_exercise(
    built_site: Path, lab: Path
) -> None:
    """The page: one folded solution per exercise, the code that ran; no blanks, no appendix."""
    page = (built_site / "labs" / f"{lab.stem}.html").read_text(encoding="utf-8")
    pairs = solution_pairs(read_lab(lab))
    assert page.count("<summary>Solution</summary>") == len(pairs)
    for _, solution in pairs:
        first_line = html.escape(solution.source.strip().splitlines()[0], quote=False)
        assert first_line in re.sub(r"<[^>]+>", "", page), f"{lab.name}: {first_line!r} not shown"
    assert "Your code here" not in page
    assert 'id="reference-solutions"' not in page  # the appendix of the download


def test_the_site_layout_folds_the_code_that_runs() -> None:
    lab = read_lab(LABS[0])
    laid_out = with_solutions(lab)
    (index, solution), *_ = solution_pairs(lab)
    shown = laid_out.cells[index]
    assert shown.cell_type == "markdown"
    assert shown.source == FOLDED.format(code=solution.source.strip())
    assert laid_out.cells[index + 1].source == solution.source
    assert not any("exercise" in tags(cell) for cell in laid_out.cells)


def test_a_solution_that_answers_another_exercise_is_refused() -> None:
    lab = read_lab(LABS[0])
    (_, first), (_, second), *_ = solution_pairs(lab)
    first.source, second.source = second.source, first.source
    with pytest.raises(ValueError, match="exercise 1 defines"):
        with_solutions(lab)


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_every_lab_is_in_the_site_nav(lab: Path) -> None:
    nav_entry = re.compile(rf"^\s+- .+: labs/{re.escape(lab.name)}$", re.MULTILINE)
    assert nav_entry.search((ROOT / "mkdocs.yml").read_text())


def test_the_global_data_finder_sees_a_read_and_not_a_call() -> None:
    source = "import numpy as np\nrate = 0.1\ndef helper(x):\n    return x\n"
    source += "def step(w):\n    return [helper(v) - rate for v in np.ravel(w)]\n"
    assert data_read_by_functions(source) == {"helper": set(), "step": {"rate"}}


@pytest.mark.parametrize("lab", LABS, ids=lab_id)
def test_no_lab_function_reads_data_from_the_labs_globals(lab: Path) -> None:
    """Every function takes its data as arguments, so a copied function works on its own."""
    notebook = with_solutions(read_lab(lab))
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    readers = {name: read for name, read in data_read_by_functions(source).items() if read}
    assert not readers, f"{lab.name}: these functions read the lab's global data: {readers}"
