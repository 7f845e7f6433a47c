"""The labs' two layouts: the learner's, as each lab is written, and the site's.

A lab (``docs/labs/lab-*.py``, jupytext percent format) is written for the learner
who downloads it. Under each exercise's question come the learner's cell (tagged
``exercise``, starting as ``raise NotImplementedError``) and the check; the
reference solutions wait at the end, under a heading tagged ``solution``, each a
folded code cell tagged ``solution``, in the order of the exercises. So what a
learner reads under a question is their own cell, not its answer.

The site shows each lab run with the reference solutions. `with_solutions` puts the
n-th solution in place of the n-th exercise cell, with its code folded above it in a
``<details>`` block, and leaves out the appendix. The site build applies it as the
first nbconvert preprocessor (``jupyter_config/jupyter_nbconvert_config.py``), before
the lab runs, and the tests run the labs in the same layout.
"""

from __future__ import annotations

import ast
import copy
from typing import Any

import nbformat
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

EXERCISE, SOLUTION = "exercise", "solution"
FOLDED = "<details><summary>Solution</summary>\n\n```python\n{code}\n```\n\n</details>"


def tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def defined_names(source: str) -> set[str]:
    """The functions and classes that ``source`` defines at its top level."""
    return {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    }


def solution_pairs(notebook: NotebookNode) -> list[tuple[int, NotebookNode]]:
    """Each exercise cell's index, with the reference solution that answers it.

    The n-th solution answers the n-th exercise, and defines the same names.
    """
    exercises = [i for i, cell in enumerate(notebook.cells) if EXERCISE in tags(cell)]
    solutions = [
        cell for cell in notebook.cells if cell.cell_type == "code" and SOLUTION in tags(cell)
    ]
    if len(exercises) != len(solutions):
        raise ValueError(f"{len(exercises)} exercise cells but {len(solutions)} solutions")
    for number, (index, solution) in enumerate(zip(exercises, solutions, strict=True), 1):
        names, wanted = defined_names(solution.source), defined_names(notebook.cells[index].source)
        if not names or names != wanted:
            raise ValueError(
                f"exercise {number} defines {sorted(wanted)}, its solution {sorted(names)}"
            )
    return list(zip(exercises, solutions, strict=True))


def with_solutions(notebook: NotebookNode) -> NotebookNode:
    """A copy of the lab as the site runs it: each solution, folded, in its exercise's place."""
    in_place = {index: solution for index, solution in solution_pairs(notebook)}
    laid_out = copy.deepcopy(notebook)
    laid_out.cells = []
    for index, cell in enumerate(notebook.cells):
        if SOLUTION in tags(cell):
            continue  # the appendix: its solutions move up, its headings go
        if index not in in_place:
            laid_out.cells.append(copy.deepcopy(cell))
            continue
        solution = copy.deepcopy(in_place[index])
        folded = nbformat.v4.new_markdown_cell(FOLDED.format(code=solution.source.strip()))
        laid_out.cells += [folded, solution]
    return laid_out


class SolutionsInPlace(Preprocessor):  # type: ignore[misc]  # nbconvert is untyped
    """nbconvert's step that lays a lab out for the site, before it runs (`with_solutions`)."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if not any(EXERCISE in tags(cell) for cell in nb.cells):
            return nb, resources  # not a lab
        return with_solutions(nb), resources
