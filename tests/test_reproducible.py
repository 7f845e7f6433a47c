"""The same commit, built twice from clean, gives byte-identical sites.

Both builds set ``SOURCE_DATE_EPOCH`` (as a packager rebuilding a release
would) and each draws its figures, runs its labs, slims the figures and builds
lessonlib's wheel into its own empty build cache, so neither build reuses anything
from the other; they run at the same time, one per core. Both read the same record
of what the tests checked (the stamp on each page), as two builds of one commit do.
Every file of ``site/`` is compared, the sitemap and its gzip copy included.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EPOCH = "1000000000"  # 2001-09-09, a date no build made today could write by chance
EPOCH_DATE = "2001-09-09"


def start_build(folder: Path) -> subprocess.Popen[str]:
    """Start ``mkdocs build --strict`` into ``folder/site``, with its own empty build cache."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "LESSON_CACHE": str(folder / "cache")}
    site = str(folder / "site")
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], ...]:
    """Both builds at once (one per core): they share nothing but the sources."""
    folders = [tmp_path_factory.mktemp(name) for name in ("first", "second")]
    builds = [start_build(folder) for folder in folders]
    logs = [build.communicate()[0] for build in builds]
    for build, log in zip(builds, logs, strict=True):
        assert build.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return tuple(_files(folder / "site") for folder in folders)


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(two_builds: tuple[dict[str, bytes], ...]) -> None:
    first, second = two_builds
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"{len(different)} files differ between two builds: {different[:10]}"


@pytest.mark.slow
def test_the_sitemap_takes_its_dates_from_source_date_epoch(
    two_builds: tuple[dict[str, bytes], ...],
) -> None:
    first, _ = two_builds
    sitemap = first["sitemap.xml"].decode()
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{EPOCH_DATE}</lastmod>") > 0
    assert gzip.decompress(first["sitemap.xml.gz"]).decode() == sitemap
    midnight = datetime.fromisoformat(EPOCH_DATE).replace(tzinfo=UTC)  # as MkDocs rounds
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == midnight.timestamp()  # MTIME
