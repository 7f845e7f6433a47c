"""lessonlib's wheel: served by the site at a stable path, complete, and named on every page.

The wheel is built by the hook site_tools/lessonlib_wheel.py; the downloaded scripts,
notebooks and labs run against it in tests/test_notebooks.py and tests/test_labs.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lessonlib_wheel import SITE_FOLDER, install_command, other_requirements, wheel_name
from site_build import ROOT, lesson_paths, site_url

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(built_site: Path) -> zipfile.ZipFile:
    path = built_site / SITE_FOLDER / wheel_name()
    assert path.is_file(), f"the site serves no {SITE_FOLDER}/{wheel_name()}"
    return zipfile.ZipFile(path)


def test_the_wheel_carries_every_module_the_plots_and_py_typed(wheel: zipfile.ZipFile) -> None:
    shipped = set(wheel.namelist())
    sources = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "lessonlib").rglob("*")
        if path.suffix in {".py", ".typed"}
    }
    assert "lessonlib/py.typed" in sources
    assert any(name.startswith("lessonlib/plots/") for name in sources)
    assert sources <= shipped, f"not in the wheel: {sorted(sources - shipped)}"


def test_the_wheel_states_its_licence(wheel: zipfile.ZipFile) -> None:
    info = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
    metadata = wheel.read(info).decode()
    assert "\nLicense-Expression: MIT-0\n" in metadata
    licence = info.replace("METADATA", "licenses/LICENSE")
    assert wheel.read(licence) == (ROOT / "LICENSE").read_bytes()


@pytest.mark.parametrize("page", ["lesson", "lab"])
def test_every_lesson_and_lab_page_says_how_to_install_it(built_site: Path, page: str) -> None:
    sources = lesson_paths() if page == "lesson" else sorted((ROOT / "docs" / "labs").glob("*.py"))
    assert sources
    for source in sources:
        relative = source.relative_to(ROOT / "docs").with_suffix(".html")
        html = (built_site / relative).read_text(encoding="utf-8")
        assert f"<code>pip install {site_url()}{SITE_FOLDER}/{wheel_name()}" in html, relative
        depth = "../" * (len(relative.parts) - 1)
        assert f'href="{depth}{SITE_FOLDER}/{wheel_name()}"' in html, relative


def test_other_requirements_are_what_lessonlib_does_not_bring() -> None:
    code = "import time\nimport numpy as np\nfrom sklearn.datasets import load_digits\n"
    assert other_requirements([code, "import lessonlib\nfrom matplotlib import pyplot"]) == [
        "scikit-learn"
    ]
    assert install_command(None) == f"pip install {SITE_FOLDER}/{wheel_name()}"
    assert install_command("https://example.org/site", ["scikit-learn"]) == (
        f"pip install https://example.org/site/{SITE_FOLDER}/{wheel_name()} scikit-learn"
    )
