"""Which public ``lessonlib`` names each lesson uses, found from the code itself.

The lessons' code blocks are parsed with ``ast``: every name imported from
``lessonlib`` (``from lessonlib import relu``, ``from lessonlib.plots import x``,
``import lessonlib as ll`` then ``ll.relu``) counts as used. Nothing is kept by
hand, so the API page and the lessons link to each other correctly as they change.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from types import ModuleType

from code_notes import PACKAGE
from lesson_source import code_blocks, runnable_source


@functools.lru_cache(maxsize=1024)  # by source: a rebuild parses only the blocks that changed
def imported_names(source: str) -> frozenset[str]:
    """Dotted names that ``source`` takes from lessonlib, e.g. ``{"lessonlib.relu"}``."""
    tree = ast.parse(source)
    names: set[str] = set()
    aliases: dict[str, str] = {}  # local name -> the lessonlib module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _ours(node.module):
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name):
                    aliases[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else alias.name.split(".")[0]
                    )
    for node in ast.walk(tree):
        dotted = _dotted(node)
        if dotted is not None and dotted.split(".")[0] in aliases:
            head, _, rest = dotted.partition(".")
            names.add(f"{aliases[head]}.{rest}")
    return frozenset(names)


def lesson_names(text: str) -> set[str]:
    """Every dotted lessonlib name that the code blocks of one lesson import."""
    names: set[str] = set()
    for block in code_blocks(text):
        names |= imported_names(runnable_source(block))
    return names


def public_api() -> dict[str, list[str]]:
    """The documented names, grouped by the module that defines them.

    Names in ``lessonlib.__all__`` are documented as ``lessonlib.<name>``; the public
    names of a submodule that the package does not re-export (such as
    ``lessonlib.plots``) as ``lessonlib.<module>.<name>``.
    """
    package = importlib.import_module(PACKAGE)
    groups: dict[str, list[str]] = {}
    for name in package.__all__:
        module = getattr(package, name).__module__
        groups.setdefault(module, []).append(f"{PACKAGE}.{name}")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{PACKAGE}.{info.name}")
        for name in _public_names(module):
            if not hasattr(module, name):
                raise AttributeError(f"{module.__name__}.__all__ names {name!r}, not defined there")
            if getattr(package, name, None) is not getattr(module, name):
                groups.setdefault(module.__name__, []).append(f"{module.__name__}.{name}")
    return groups


def api_page(module: str) -> str:
    """The page under docs/ that documents ``module``: ``reference/activations.md``."""
    return f"reference/{module.removeprefix(PACKAGE + '.')}.md"


def canonical_names(api: dict[str, list[str]]) -> dict[str, str]:
    """Map every dotted path a lesson may import a documented name by to its documented name."""
    canonical = {}
    for module, names in api.items():
        for documented in names:
            short = documented.rpartition(".")[2]
            canonical[documented] = documented
            canonical[f"{module}.{short}"] = documented
    return canonical


def is_private(dotted: str) -> bool:
    """True when any part of the dotted name starts with an underscore."""
    return any(part.startswith("_") for part in dotted.split("."))


def _public_names(module: ModuleType) -> list[str]:
    if hasattr(module, "__all__"):
        return list(module.__all__)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    ]


def _ours(module: str | None) -> bool:
    return module is not None and (module == PACKAGE or module.startswith(f"{PACKAGE}."))


def _dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for an attribute chain on a plain name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or not parts:
        return None
    return ".".join([node.id, *reversed(parts)])
