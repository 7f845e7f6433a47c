"""The "checked with" line: it states only what a test run recorded, for this very page.

site_tools/checked_record.py keeps the record that pytest writes (conftest.py) and the
build reads (site_tools/stamp.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import checked_record
import pytest
from site_build import DOCS, ROOT, lesson_paths

NOT_CHECKED = "The outputs on this page were not checked in this build"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small project with its own record file (in a git checkout or not: tmp_path's)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")
    (tmp_path / "lessonlib").mkdir()
    (tmp_path / "lessonlib" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setenv(checked_record.RECORD_ENV, str(tmp_path / "record.json"))
    return tmp_path


def test_a_page_without_a_record_says_it_was_not_checked(project: Path) -> None:
    assert checked_record.stamp(project, "page.md").startswith(NOT_CHECKED)


def test_a_checked_page_names_the_versions_that_ran(project: Path) -> None:
    checked_record.write(project, ["page.md"])
    ran = checked_record.what_ran(project)
    line = checked_record.stamp(project, "page.md")
    assert line.startswith(f"Outputs checked on commit {ran['commit']}")  # or "an unknown"
    for name in ("python", *checked_record.VERSIONS):
        assert ran[name] in line, name


@pytest.mark.parametrize("edited", ["docs/page.md", "lessonlib/__init__.py"])
def test_an_edit_since_the_check_withdraws_the_stamp(project: Path, edited: str) -> None:
    checked_record.write(project, ["page.md"])
    (project / edited).write_text("# Changed\n", encoding="utf-8")
    assert checked_record.stamp(project, "page.md").startswith(NOT_CHECKED)


def test_off_records_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(checked_record.RECORD_ENV, "off")
    checked_record.write(project, ["page.md"])
    assert sorted(path.name for path in project.iterdir()) == ["docs", "lessonlib"]
    assert checked_record.stamp(project, "page.md").startswith(NOT_CHECKED)


def test_a_later_run_keeps_the_record_of_other_pages(project: Path) -> None:
    (project / "docs" / "other.md").write_text("# Other\n", encoding="utf-8")
    checked_record.write(project, ["page.md"])
    checked_record.write(project, ["other.md"])
    assert sorted(checked_record.read(project)) == ["other.md", "page.md"]


STAMP = re.compile(r'<p class="checked-with"><small>(?P<line>[^<]+)</small></p>')


@pytest.mark.slow
def test_every_lesson_and_lab_page_shows_what_the_record_says(built_site: Path) -> None:
    sources = [*lesson_paths(), *sorted((DOCS / "labs").glob("lab-*.py"))]
    for source in sources:
        src_uri = source.relative_to(DOCS).as_posix()
        page = built_site / Path(src_uri).with_suffix(".html")
        lines = STAMP.findall(page.read_text(encoding="utf-8"))
        expected = checked_record.stamp(ROOT, src_uri).replace("'", "&#x27;")
        assert lines == [expected], f"{page}: the stamp disagrees with the record"


@pytest.mark.slow
def test_other_pages_have_no_stamp(built_site: Path) -> None:
    for name in ("index.html", "reference.html", "maintainers.html"):
        assert 'class="checked-with"' not in (built_site / name).read_text(encoding="utf-8")
