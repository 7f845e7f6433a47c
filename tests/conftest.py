"""Fixtures shared by the tests: the site, built once per session.

``built_site`` builds with ``mkdocs build --strict`` into a temporary folder (the
end-of-life notice of mkdocs-material 9.8 stays in the build log on purpose).
``LESSON_BUILT_SITE=<folder>`` tests a site already built there instead, as
``scripts/check`` does with the ``site/`` it has just built strictly and zipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_build import build_site

SITE_ENV = "LESSON_BUILT_SITE"


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
    return site
