"""Wrong answers that learners really write: each must fail its lab check, in the lab's words.

`lab_wrong_solutions.WRONG` lists plausible wrong solutions for every exercise of
every lab. Each one replaces that exercise's reference solution, and the lab runs
as the site build runs it (the learner's cells removed) up to that exercise's
check. The check must stop with an AssertionError that names the function and
says the expected words: never pass, and never stop on a bare numpy or Python
error. The same run with the reference solution reaches "Exercise N passed", so
the harness itself can tell a pass from a failure.

The cells run in this process, not in a kernel: the labs are plain Python, and
a kernel per wrong solution would take minutes. `tests/test_labs.py` runs the
labs in a real kernel.
"""

from __future__ import annotations

import ast
import contextlib
import io
import textwrap
import warnings
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import jupytext
import lab_layout
import pytest
from lab_wrong_solutions import WRONG, Wrong

ROOT = Path(__file__).resolve().parent.parent
LAB_DIR = ROOT / "docs" / "labs"
LABS = sorted(path.stem for path in LAB_DIR.glob("lab-*.py"))
MIN_WRONG_PER_EXERCISE = 3

pytestmark = pytest.mark.slow


class Outcome(NamedTuple):
    """How a run up to one exercise's check ended."""

    #: "check" if the check cell raised, "solution" if the solution cell itself did.
    where: str | None
    error: BaseException | None
    printed: str


def code_cells(lab: str) -> list[tuple[list[str], str]]:
    """The (tags, source) of each code cell the site build runs: the solutions in place."""
    notebook = lab_layout.with_solutions(jupytext.read(LAB_DIR / f"{lab}.py"))
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return [(lab_layout.tags(cell), cell.source) for cell in cells]


def run_until_check(lab: str, exercise: int, solution: str | None = None) -> Outcome:
    """Run the lab up to exercise ``exercise``'s check, with ``solution`` in place of its own."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    printed, n_solutions, replaced = io.StringIO(), 0, False
    for tags, source in code_cells(lab):
        if "solution" in tags:
            n_solutions += 1
            if n_solutions == exercise:
                source, replaced = solution if solution is not None else source, True
        where = "solution" if "solution" in tags else "check"
        try:  # as in a notebook, a warning is shown, not raised
            with contextlib.redirect_stdout(printed), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                exec(compile(source, f"<{lab} cell>", "exec"), namespace)
        except Exception as error:
            return Outcome(where, error, printed.getvalue())
        if replaced and where == "check":
            return Outcome(None, None, printed.getvalue())
    raise AssertionError(f"{lab} has no exercise {exercise}")


def function_names(source: str) -> set[str]:
    return {node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}


def exercise_functions(lab: str) -> list[set[str]]:
    """The names each exercise's reference solution defines, exercise 1 first."""
    return [function_names(source) for tags, source in code_cells(lab) if "solution" in tags]


def wrong_id(wrong: Wrong) -> str:
    return f"{wrong.lab[:5]}-ex{wrong.exercise}-{wrong.mistake}"


@pytest.mark.parametrize("wrong", WRONG, ids=wrong_id)
def test_the_check_fails_in_the_labs_words(wrong: Wrong) -> None:
    code = textwrap.dedent(wrong.code)
    names = exercise_functions(wrong.lab)[wrong.exercise - 1]
    assert function_names(code) & names, f"the wrong solution defines none of {names}"
    outcome = run_until_check(wrong.lab, wrong.exercise, code)
    assert outcome.error is not None, (
        f"the check of exercise {wrong.exercise} passed a wrong solution ({wrong.mistake}):\n"
        f"{outcome.printed}"
    )
    assert outcome.where == "check", f"the wrong solution itself raised {outcome.error!r}"
    message = str(outcome.error)
    assert type(outcome.error) is AssertionError, (
        f"the check stopped with {type(outcome.error).__name__}, not in the lab's words: {message}"
    )
    assert any(name in message for name in names), f"the message names no function: {message}"
    assert wrong.says in message, f"expected the words {wrong.says!r} in: {message}"


@pytest.mark.parametrize("lab", LABS)
def test_each_reference_solution_passes_the_harness(lab: str) -> None:
    for exercise in range(1, len(exercise_functions(lab)) + 1):
        outcome = run_until_check(lab, exercise)
        assert outcome.error is None, f"exercise {exercise}: {outcome.error!r}"
        assert f"Exercise {exercise} passed" in outcome.printed


@pytest.mark.parametrize("lab", LABS)
def test_every_exercise_has_wrong_solutions(lab: str) -> None:
    counts = Counter(wrong.exercise for wrong in WRONG if wrong.lab == lab)
    n_exercises = len(exercise_functions(lab))
    assert sorted(counts) == list(range(1, n_exercises + 1))
    assert min(counts.values()) >= MIN_WRONG_PER_EXERCISE, counts


def test_each_wrong_solution_is_listed_once() -> None:
    keys = [(wrong.lab, wrong.exercise, wrong.mistake) for wrong in WRONG]
    assert len(keys) == len(set(keys))
    codes = [(wrong.lab, wrong.exercise, textwrap.dedent(wrong.code)) for wrong in WRONG]
    assert len(codes) == len(set(codes))
