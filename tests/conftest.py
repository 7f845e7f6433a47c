"""Fixtures shared by the tests: the site, built once per session, and a learner's Python.

``built_site`` builds with ``mkdocs build --strict`` into a temporary folder (the
end-of-life notice of mkdocs-material 9.8 stays in the build log on purpose), and
``build_log`` is what that build printed. ``LESSON_BUILT_SITE=<folder>`` tests a site
already built there instead, with the log in ``LESSON_BUILD_LOG``, as ``scripts/check``
does with the ``site/`` it has just built strictly and zipped.

Every test that uses the built site is marked ``built_site``: ``scripts/check`` runs the
others first (they record what they checked, which the build then stamps on the pages)
and these after the build.

``reader_venv`` is a fresh virtual environment with only the built site's wheel
(tests/reader_venv.py): the downloaded scripts, notebooks and labs run in it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_venv import ReaderVenv, make_reader_venv
from site_build import build_site

SITE_ENV = "LESSON_BUILT_SITE"
LOG_ENV = "LESSON_BUILD_LOG"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.built_site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the site, built once for the whole session with ``--strict``."""
    if os.environ.get(SITE_ENV):
        site = Path(os.environ[SITE_ENV]).resolve()
        assert (site / "index.html").is_file(), f"{SITE_ENV}={site} holds no built site"
        return site
    site = tmp_path_factory.mktemp("built") / "site"
    result = build_site(site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    (site.parent / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    """Everything the strict build of ``built_site`` printed."""
    path = (
        Path(os.environ[LOG_ENV]) if os.environ.get(SITE_ENV) else built_site.parent / "build.log"
    )
    assert path.is_file(), f"no build log at {path}: set {LOG_ENV} beside {SITE_ENV}"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reader_venv(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> ReaderVenv:
    """A fresh virtual environment, outside the repository, with the built site's wheel."""
    return make_reader_venv(built_site, tmp_path_factory.mktemp("reader"))
