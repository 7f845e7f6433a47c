"""The lessons and the site build, as the tests see them (shared by conftest.py and tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from notebooks import is_lesson

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def build_site(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``site_dir`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def lesson_paths() -> list[Path]:
    """Every Markdown lesson under docs/ (a page with python fences), in path order."""
    return [
        path for path in sorted(DOCS.rglob("*.md")) if is_lesson(path.read_text(encoding="utf-8"))
    ]


def lesson_id(path: Path) -> str:
    """A test id for a lesson: its path under docs/ without the suffix."""
    return path.relative_to(DOCS).with_suffix("").as_posix()


def site_url() -> str:
    """``site_url`` from mkdocs.yml (read from its own line: the file holds MkDocs-only tags)."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return str(yaml.safe_load(line)["site_url"])
    raise AssertionError("mkdocs.yml sets no site_url")
