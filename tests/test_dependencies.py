"""What a figure or a lab used, as the build records it, and which edits make it stale.

A small stand-in for lessonlib is imported in a fresh Python with its functions noted
(``code_notes.start``), two of its functions are called, and ``dependencies.record``
says what was used. Each edit below is then made to a copy of that package, and
``dependencies.is_current`` must say whether the record still holds: an edit to what
ran (a body, a docstring, a line number, the module's top level) makes it stale; an
edit to what did not run (another function, a comment after the code) does not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import dependencies
import pytest

SITE_TOOLS = Path(__file__).resolve().parent.parent / "site_tools"
STAND_IN = '''"""A stand-in for lessonlib."""

SCALE = 2


def used(x):
    """Runs, and calls helper."""
    return helper(x) * SCALE


def helper(x):
    return x + 1


def unused(x):
    """Never runs."""
    return x - 1


class Thing:
    def method(self):
        return 3
'''
RECORD = """
import json, sys
from pathlib import Path
sys.path.insert(0, {tools!r})
import code_notes, dependencies
root = Path({root!r})
code_notes.start(root)
import lessonlib
assert lessonlib.used(1) == 4
print(json.dumps(dependencies.record(root, sys.modules, ["forked.py"])))
"""


def make_package(root: Path, source: str = STAND_IN) -> Path:
    (root / "lessonlib").mkdir(parents=True, exist_ok=True)
    module = root / "lessonlib" / "__init__.py"
    module.write_text(source, encoding="utf-8")
    return module


def run_noted(root: Path) -> subprocess.CompletedProcess[str]:
    script = RECORD.format(tools=str(SITE_TOOLS), root=str(root))
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The stand-in, imported noted in a fresh Python, and what its run used."""
    root = tmp_path_factory.mktemp("recorded")
    make_package(root)
    done = run_noted(root)
    assert done.returncode == 0, done.stderr
    return root, json.loads(done.stdout)


def test_the_record_names_the_functions_that_ran(recorded: tuple[Path, dict[str, Any]]) -> None:
    root, used = recorded
    assert used["code"]["lessonlib/__init__.py"]["ran"] == ["helper", "used"]
    assert used["tools"] == {"forked.py": dependencies._file_digest(SITE_TOOLS / "forked.py")}
    assert used["python"] == sys.version
    assert dependencies.is_current(used, root)


def test_noted_code_is_compiled_from_source_and_writes_no_bytecode(
    recorded: tuple[Path, dict[str, Any]],
) -> None:
    root, _ = recorded
    assert not (root / "lessonlib" / "__pycache__").exists()


_ONE_LINE_DOWN = ("\n\n\ndef used", "\n\n\n\ndef used")
EDITS = [
    # (what changes, how the source changes, whether the record still holds)
    ("nothing", lambda s: s, True),
    ("a body that did not run", lambda s: s.replace("x - 1", "x - 2"), True),
    ("a docstring that did not run", lambda s: s.replace("Never runs", "Not run"), True),
    ("a method that did not run", lambda s: s.replace("return 3", "return 4"), True),
    ("a comment after the code", lambda s: s + "# a note\n", True),
    ("a body that ran", lambda s: s.replace("x + 1", "x + 2"), False),
    ("a docstring that ran", lambda s: s.replace("and calls", "then calls"), False),
    ("a constant", lambda s: s.replace("SCALE = 2", "SCALE = 3"), False),
    ("a new function", lambda s: s + "\n\ndef added():\n    return 0\n", False),
    ("a signature", lambda s: s.replace("def unused(x)", "def unused(x, y=0)"), False),
    ("the line a function that ran starts on", lambda s: s.replace(*_ONE_LINE_DOWN), False),
]


@pytest.mark.parametrize(("what", "edit", "current"), EDITS, ids=[edit[0] for edit in EDITS])
def test_an_edit_makes_the_record_stale_only_if_it_touches_what_ran(
    recorded: tuple[Path, dict[str, Any]], tmp_path: Path, what: str, edit: Any, current: bool
) -> None:
    _, used = recorded
    edited = edit(STAND_IN)
    assert (edited != STAND_IN) == (what != "nothing")
    make_package(tmp_path, edited)
    assert dependencies.is_current(used, tmp_path) is current


def test_a_removed_file_a_new_version_or_a_changed_tool_makes_it_stale(
    recorded: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, used = recorded
    assert not dependencies.is_current(used, tmp_path)  # no lessonlib there at all
    older = {**used, "libraries": {**used["libraries"], "pytest": "0.0"}}
    assert not dependencies.is_current(older, root)
    assert not dependencies.is_current({**used, "tools": {"forked.py": "0" * 64}}, root)
    assert not dependencies.is_current({"written by": "an older build"}, root)


def test_lessonlib_from_anywhere_else_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_package(elsewhere)
    shutil.copytree(elsewhere, tmp_path / "on-path")  # importable, but not under the root
    script = RECORD.format(tools=str(SITE_TOOLS), root=str(tmp_path / "no-lessonlib-here"))
    env_path = str(tmp_path / "on-path")
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r})\n{script}"],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "lessonlib is not in" in done.stderr
