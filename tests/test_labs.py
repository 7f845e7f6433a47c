"""The lab notebooks run as the site build runs them, and their checks can fail.

Each lab in ``docs/labs/`` is a jupytext percent-format notebook. Every exercise
has three code cells: the reference solution (tagged ``solution``), the learner's
cell (tagged ``exercise``, which raises ``NotImplementedError`` until filled in)
and a check. The site build removes the ``exercise`` cells and runs the rest
(``mkdocs.yml``, plugin ``mkdocs-jupyter``); the learner's download keeps them.

These tests run each lab in a fresh kernel (jupytext -> nbformat -> nbclient +
ipykernel), both ways: with the reference solutions every cell must succeed and
every check must pass; with only the learner's empty cells every check must fail,
so no check passes without calling the code it is meant to check.

The lab's ``.ipynb`` download (site_tools/lab_downloads.py) is run both ways too, as
the built site serves it, in a kernel of a fresh environment that has only the site's
wheel (fixture ``reader_venv``); it must hold the same cells, tags and metadata.
"""

from __future__ import annotations

import ast
import copy
import re
import symtable
import tempfile
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat import NotebookNode
from reader_venv import ReaderVenv

ROOT = Path(__file__).resolve().parent.parent
LAB_DIR = ROOT / "docs" / "labs"
LABS = sorted(LAB_DIR.glob("lab-*.py"))
PASSED = re.compile(r"^Exercise (\d+) passed", re.MULTILINE)
SOLUTION_FENCE = re.compile(
    r"<details><summary>Solution</summary>\s*```python\n(?P<code>.*?)```\s*</details>",
    re.DOTALL,
)
COMPREHENSIONS = {"listcomp", "dictcomp", "setcomp", "genexpr"}  # scopes of their own in 3.11
KERNEL_TIMEOUT_S = 120  # per cell; a lab runs in seconds, this only stops a hung kernel

pytestmark = pytest.mark.slow


def lab_id(path: Path) -> str:
    return path.stem


def read_lab(path: Path) -> NotebookNode:
    return jupytext.read(path)


def tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def without(notebook: NotebookNode, tag: str) -> NotebookNode:
    """A copy of ``notebook`` with every cell tagged ``tag`` removed."""
    trimmed = copy.deepcopy(notebook)
    trimmed.cells = [cell for cell in trimmed.cells if tag not in tags(cell)]
    return trimmed


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


def defined_names(source: str) -> set[str]:
    return {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    }


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
        executed = run(without(notebook, "exercise"), allow_errors=False, reader=reader)
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
    learner = without(notebook, "solution")
    executed = run(learner, allow_errors=True, reader=reader)
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
def test_each_exercise_has_a_folded_solution_shown_as_run(lab: Path) -> None:
    """Solution cell, then exercise cell with the same names; the page shows the same code."""
    notebook = read_lab(lab)
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# Lab ")
    assert exercises(notebook), f"{lab.name} has no exercise cells"
    for index, exercise in exercises(notebook):
        solution = notebook.cells[index - 1]
        assert "solution" in tags(solution), f"cell {index - 1} should be the reference solution"
        assert solution.metadata.get("jupyter", {}).get("source_hidden") is True
        names = defined_names(solution.source)
        assert names, f"the solution in cell {index - 1} defines nothing"
        assert defined_names(exercise.source) == names
        assert "raise NotImplementedError" in exercise.source
        shown = SOLUTION_FENCE.findall(notebook.cells[index - 2].source)
        assert shown == [solution.source.strip() + "\n"], (
            f"{lab.name}: the folded solution above cell {index - 1} differs from the code "
            "that runs; copy the solution cell into the <details> block"
        )


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
    notebook = without(read_lab(lab), "exercise")
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    readers = {name: read for name, read in data_read_by_functions(source).items() if read}
    assert not readers, f"{lab.name}: these functions read the lab's global data: {readers}"
