"""What a figure or a lab depended on when it was made, and whether that still holds.

The build keeps drawn figures (``figures.py``) and executed labs (``lab_runs.py``)
between builds, and makes one again only when something it used has changed:

- the ``lessonlib`` code that ran while it was made (``code_notes.py`` tells
  which functions ran). A file counts by its *skeleton*, its syntax tree with
  every function's body and docstring left out (imports, constants, classes,
  signatures, decorators), and by the text, at its line, of each function whose
  body ran;
- the versions of the libraries it loaded (numpy, matplotlib, nbconvert...) and
  of Python;
- the build's own tools that made it, named by the caller.

Why function by function, not file by file: ``import lessonlib`` runs the top
level of every module, so at file grain every figure and lab would depend on every
file, and any edit would redraw all of them. At function grain each still depends
on every imported file's skeleton (a new constant, import, signature or function
remakes it), but an edit inside a function's body remakes only what ran that
function. A body that did not run cannot have shaped the result (unless some
code read its source or docstring without calling it, which lessonlib does not).
Line numbers count inside the functions that ran (a warning names its line); a
comment outside them counts for nothing.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import code_notes

TOOLS = Path(__file__).resolve().parent  # the tools a caller names live here
_parsed: dict[bytes, tuple[str, dict[str, str]]] = {}  # by content hash
_installed: dict[str, Any] = {}  # the versions seen, and the install folders' times


def record(
    root: Path,
    modules: Iterable[str],
    tools: Iterable[str],
    ran: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """What was used: the libraries loaded, the tools, and the lessonlib functions that ran.

    ``ran`` maps each imported lessonlib file to its functions that ran (as a lab's
    kernel writes it); by default, what ran in this process.
    """
    if ran is None:
        ran = code_notes.ran()
    code = {}
    for path, names in sorted(ran.items()):
        relative = Path(path).resolve().relative_to(root.resolve()).as_posix()
        code[relative] = {"ran": names, "digest": _digest(Path(path), names)}
    versions = installed()["versions"]
    return {
        "python": sys.version,
        "libraries": {name: _version(name, versions) for name in _distributions(modules)},
        "tools": {name: _file_digest(TOOLS / name) for name in sorted(tools)},
        "code": code,
    }


def is_current(used: dict[str, Any], root: Path) -> bool:
    """True while nothing that ``record`` listed has changed."""
    try:
        versions = installed()["versions"]  # read the install folders' times once
        return (
            used["python"] == sys.version
            and all(_version(name, versions) == seen for name, seen in used["libraries"].items())
            and all(_file_digest(TOOLS / name) == seen for name, seen in used["tools"].items())
            and all(
                _digest(root / path, entry["ran"]) == entry["digest"]
                for path, entry in used["code"].items()
            )
        )
    except (KeyError, TypeError, AttributeError):
        return False  # written by an older build, or damaged


def _digest(path: Path, names: list[str]) -> str | None:
    """The skeleton's digest and the bodies of ``names``; None if the file or a name is gone."""
    if not path.is_file():
        return None
    skeleton, units = _parse(path.read_bytes())
    if not set(names) <= set(units):
        return None
    digest = hashlib.sha256(skeleton.encode())
    for name in names:
        digest.update(f"\0{name}\0{units[name]}".encode())
    return digest.hexdigest()


def _parse(source: bytes) -> tuple[str, dict[str, str]]:
    """The skeleton's digest and each function body's, of one module, kept by content."""
    key = hashlib.sha256(source).digest()
    if key not in _parsed:
        tree = ast.parse(source)
        lines = source.decode("utf-8").splitlines()
        bodies = {}
        for name, function in code_notes.functions(tree.body):
            first, last = function.body[0].lineno, function.end_lineno or function.lineno
            body = "\n".join([str(first), *lines[first - 1 : last]])  # from its docstring on
            bodies[name] = hashlib.sha256(body.encode()).hexdigest()
            function.body = [ast.Pass()]  # the skeleton keeps the signature, not the body
        _parsed[key] = (hashlib.sha256(ast.dump(tree).encode()).hexdigest(), bodies)
    return _parsed[key]


def _file_digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _distributions(modules: Iterable[str]) -> list[str]:
    """The installed distributions that provide the given (imported) modules."""
    owners = installed()["owners"]
    tops = {module.partition(".")[0] for module in modules}
    return sorted({name for top in tops for name in owners.get(top, ())})


def _version(name: str, versions: dict[str, str | None]) -> str | None:
    """The installed version of distribution ``name``, kept in ``versions``."""
    if name not in versions:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions[name]  # type: ignore[no-any-return]


def installed() -> dict[str, Any]:
    """Which distribution provides which module, read again only when an install folder changes.

    A runner calls it once before it forks, so that no child reads it again.
    """
    folders = tuple(os.stat(path).st_mtime_ns for path in sys.path if os.path.isdir(path))
    if _installed.get("folders") != folders:
        owners = importlib.metadata.packages_distributions()
        _installed.update(folders=folders, owners=owners, versions={})
    return _installed
