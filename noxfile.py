"""The versions readers have: the tests on the oldest and the newest numpy and matplotlib.

``pyproject.toml`` promises that lessonlib works from ``numpy>=...`` and
``matplotlib>=...`` on. These sessions keep that promise honest:

- ``nox -s oldest`` installs exactly those lower bounds (read from
  ``pyproject.toml``, so the bound and its test never drift apart), every
  other tool at its pinned version where that version allows them, and runs
  the unit tests, the docstrings and the lessons.
- ``nox -s newest`` installs the newest release of everything and runs the same.

The site build and the browser tests are left to ``make test``: they check
the site, not the versions a reader installs.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
OLDEST_OF = ("numpy", "matplotlib")  # the runtime dependencies whose floors are tested
# Pinned tools whose pinned version needs a newer numpy or matplotlib than the floors:
# pip picks a suitable version of each instead.
UNPINNED_FOR_OLDEST = ("numpy", "matplotlib", "scipy", "scikit-learn", "contourpy", "pyparsing")
# matplotlib 3.8 calls pyparsing's camelCase names, which pyparsing 3.3 deprecates with a
# warning (an error in our tests): the pyparsing of matplotlib 3.8's time.
OF_THEIR_TIME = ("pyparsing<3.3",)
TESTS = ["tests", "docs", "lessonlib", "-m", "not browser and not slow", "-p", "no:cacheprovider"]

nox.options.sessions = ["oldest", "newest"]
nox.options.default_venv_backend = "venv"


def lower_bounds() -> list[str]:
    """``name==version`` for each dependency in OLDEST_OF, from its ``>=`` in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = re.fullmatch(r"\s*([\w.-]+)\s*>=\s*([\w.]+)\s*(?:,.*)?", requirement)
        if match and match[1].lower() in OLDEST_OF:
            pins.append(f"{match[1]}=={match[2]}")
    missing = set(OLDEST_OF) - {pin.split("==")[0].lower() for pin in pins}
    if missing:
        raise RuntimeError(f"pyproject.toml gives no lower bound for {sorted(missing)}")
    return pins


def constraints_without(names: tuple[str, ...], folder: Path) -> Path:
    """constraints.txt without the lines for ``names``, written into ``folder``."""
    kept = [
        line
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if re.split(r"[=<>\s]", line, maxsplit=1)[0].lower().replace("_", "-") not in names
    ]
    path = folder / "constraints-oldest.txt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def _run_tests(session: nox.Session) -> None:
    """Say which numpy and matplotlib are installed, then run the tests with them."""
    session.run(
        "python",
        "-c",
        "import numpy, matplotlib; print('numpy', numpy.__version__, "
        "'matplotlib', matplotlib.__version__)",
    )
    # These versions are not the site's: they stay out of the record its pages are stamped from.
    environment = {"MPLBACKEND": "Agg", "LESSON_CHECKED_RECORD": "off"}
    session.run("pytest", *TESTS, *session.posargs, env=environment)


@nox.session(python="3.11")
def oldest(session: nox.Session) -> None:
    """The tests with the oldest numpy and matplotlib that pyproject.toml allows."""
    pins = lower_bounds()
    constraints = constraints_without(UNPINNED_FOR_OLDEST, Path(session.create_tmp()))
    session.install("-c", str(constraints), "-e", ".[test,docs]", *pins, *OF_THEIR_TIME)
    _run_tests(session)


@nox.session(python="3.11")
def newest(session: nox.Session) -> None:
    """The tests with the newest release of every dependency."""
    session.install("--upgrade", "-e", ".[test,docs]")
    _run_tests(session)
