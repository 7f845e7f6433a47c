"""Note which lessonlib functions run in this process: what a figure or a lab used.

``start`` puts a finder first on ``sys.meta_path`` that imports ``lessonlib`` from
the project root only, each module compiled from its source with a note at the
top of every function and method: ``__lessonlib_ran__.add("name")``. A module's
top level (constants, imports, what decorates a function) is no function body and
carries no note: ``dependencies.py`` counts it through the file's skeleton. ``ran`` tells, file by
file, which functions ran. In a lab's kernel, ``trace_kernel`` writes the same
after every cell.

Why a note in each function rather than coverage.py or ``sys.settrace``, which
tell the same: traced, the digits training behind two figures ran 1.6 times
(coverage.py) and 2.2 times (``sys.settrace``) slower; a note costs one set
insertion per call. The modules are compiled from source, never from or into a
``.pyc``, so no other process ever runs the noted code.
"""

from __future__ import annotations

import ast
import importlib.abc
import importlib.machinery
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

PACKAGE = "lessonlib"  # the package the lessons teach, noted here and named elsewhere
#: Where a lab's kernel finds the project root, and where it writes what ran.
TRACE_ROOT, TRACE_TO = "LESSON_TRACE_ROOT", "LESSON_TRACE_TO"
_NOTE = "__lessonlib_ran__"  # the set, in each noted module, of its functions that ran
_ran: dict[str, set[str]] = {}  # file -> names of its functions that ran, in this process


def start(root: Path) -> None:
    """Note what runs of ``root/lessonlib`` from now on; call it before lessonlib is imported."""
    sys.meta_path.insert(0, _NotingFinder(root.resolve()))


def ran() -> dict[str, list[str]]:
    """Each imported lessonlib file, and the names of its functions that ran."""
    return {path: sorted(names) for path, names in _ran.items()}


def trace_kernel(shell: Any) -> None:
    """In a lab's kernel: after each cell, write what has run to ``$LESSON_TRACE_TO``."""
    start(Path(os.environ[TRACE_ROOT]))
    target = Path(os.environ[TRACE_TO])

    def write(*args: Any) -> None:
        used = {"ran": ran(), "modules": sorted(sys.modules)}
        target.write_text(json.dumps(used), encoding="utf-8")

    shell.events.register("post_run_cell", write)


class _NotingFinder(importlib.abc.MetaPathFinder):
    """Finds lessonlib in ``root`` only, and has its modules noted."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def find_spec(self, name: str, path: Sequence[str] | None, target: Any = None) -> Any:
        if name.partition(".")[0] != PACKAGE:
            return None
        where = [str(self.root)] if name == PACKAGE else path
        spec = importlib.machinery.PathFinder.find_spec(name, where)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            raise ImportError(f"{name} is not in {self.root}: its edits would go unnoticed")
        spec.loader = _NotingLoader(spec.loader.name, spec.loader.path)
        return spec


class _NotingLoader(importlib.machinery.SourceFileLoader):
    """Compiles a module from its source with a note at the top of every function."""

    def exec_module(self, module: ModuleType) -> None:
        setattr(module, _NOTE, _ran.setdefault(self.path, set()))
        super().exec_module(module)

    def get_code(self, fullname: str) -> Any:  # never a .pyc: it would hold no notes
        tree = ast.parse(self.get_data(self.path), self.path)
        for name, function in functions(tree.body):
            has_docstring = ast.get_docstring(function, clean=False) is not None
            first = function.body[has_docstring] if len(function.body) > has_docstring else None
            note = ast.parse(f"{_NOTE}.add({name!r})").body[0]
            for node in ast.walk(note):  # on the line of the body's first statement
                ast.copy_location(node, first or function)
            function.body.insert(int(has_docstring), note)
        return compile(ast.fix_missing_locations(tree), self.path, "exec", dont_inherit=True)


def functions(body: list[ast.stmt], prefix: str = "") -> Iterable[tuple[str, Any]]:
    """Functions and methods at the top of a module or a class, named as Python does."""
    seen: dict[str, int] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            seen[name] = seen.get(name, 0) + 1
            yield (name if seen[name] == 1 else f"{name}#{seen[name]}"), node
        elif isinstance(node, ast.ClassDef):
            yield from functions(node.body, f"{prefix}{node.name}.")
