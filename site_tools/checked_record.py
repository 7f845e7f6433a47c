"""The record of what a test run checked, and with what, that the build stamps on each page.

A lesson's outputs are checked by Sybil and a lab's by tests/test_labs.py, in a pytest
run; the site is built in another process. So pytest (the root conftest.py) writes, for
each page whose every check ran and passed, what ran: the commit and its date, and the
Python, numpy, matplotlib and lessonlib versions. The build (``stamp.py``) reads it.

Each entry also keeps a digest of what the outputs depend on: the page's source and
every file of ``lessonlib/``. The build stamps a page only when the digest still
matches, so an edit since the run makes the page say it was not checked. The record is
``.cache/checked-with.json``, or the file in ``LESSON_CHECKED_RECORD`` (``off``: none).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

RECORD_ENV = "LESSON_CHECKED_RECORD"
VERSIONS = ("numpy", "matplotlib", "lessonlib")  # besides Python's


def record_path(root: Path) -> Path:
    return Path(os.environ.get(RECORD_ENV) or root / ".cache" / "checked-with.json")


def page_digest(root: Path, src_uri: str) -> str:
    """A hash of ``docs/<src_uri>`` and of every file of ``lessonlib/``."""
    hasher = hashlib.sha256()
    files = [root / "docs" / src_uri]
    files += sorted(
        path
        for path in (root / "lessonlib").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    for path in files:
        hasher.update(path.relative_to(root).as_posix().encode() + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


def what_ran(root: Path) -> dict[str, str]:
    """The commit (marked when the tree has changes) and date, and the versions running."""
    ran = {"commit": "an unknown commit", "date": ""}
    try:
        commit, date = _git(root, "show", "-s", "--format=%h %cs", "HEAD").split()
        changed = _git(root, "status", "--porcelain", "--", "docs", "lessonlib")
        ran = {"commit": commit + (" with uncommitted changes" if changed else ""), "date": date}
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass  # not a git checkout: the versions still say what ran
    ran["python"] = platform.python_version()
    ran |= {name: version(name) for name in VERSIONS}
    return ran


def _git(root: Path, *arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def read(root: Path) -> dict[str, dict[str, str]]:
    """Page (its path under docs/) -> what checked it; empty when no run wrote a record."""
    path = record_path(root)
    if os.environ.get(RECORD_ENV) == "off" or not path.is_file():
        return {}
    pages: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return pages


def write(root: Path, pages: list[str]) -> None:
    """Record that ``pages`` were checked now, keeping what earlier runs recorded of others.

    ``LESSON_CHECKED_RECORD=off`` records nothing: the nox sessions check other versions
    of numpy and matplotlib than the site is built with.
    """
    if os.environ.get(RECORD_ENV) == "off":
        return
    ran = what_ran(root)
    record = read(root) | {page: {"digest": page_digest(root, page), **ran} for page in pages}
    path = record_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as out:
        json.dump({"pages": dict(sorted(record.items()))}, out, indent=1)
    Path(out.name).replace(path)  # whole or not at all: a build may be reading it


def stamp(root: Path, src_uri: str) -> str:
    """The line a page shows: what its outputs were checked with, or that they were not."""
    entry = read(root).get(src_uri)
    if entry is None or entry["digest"] != page_digest(root, src_uri):
        return (
            "The outputs on this page were not checked in this build: "
            "no test run recorded a check of this version of the page."
        )
    when = f" of {entry['date']}" if entry["date"] else ""
    return (
        f"Outputs checked on commit {entry['commit']}{when} with Python {entry['python']}, "
        f"numpy {entry['numpy']}, matplotlib {entry['matplotlib']} "
        f"and lessonlib {entry['lessonlib']}."
    )
