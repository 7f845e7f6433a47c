"""A build after edits, in the process of the build before them, equals a clean build.

Under ``mkdocs serve`` every save builds the site again in the same process, and
what the last build kept is reused: drawn figures and executed labs from the build
cache on disk (``figures.py``, ``lab_runs.py``), and templates, API objects, search
entries and lessons in memory (``rebuild_memo.py``, ``lesson_pages.py``).

Here a copy of the project is built, then one lesson, one lab and one lessonlib
function (``relu``'s docstring) are edited and the copy is built again in the same
process, as serve does. A second copy, given the same edits, is built clean, in a
fresh process with an empty cache, meanwhile. Every file of the two sites must be
the same, byte for byte. The rebuild must also have made again exactly what the
edits call for, read from the first build's records: the edited lab, and the
figures and labs whose run went through ``relu``.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lessonlib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = (  # what a build reads: the wheel hook packs pyproject.toml, README.md and LICENSE
    *("docs", "lessonlib", "overrides", "site_tools", "mkdocs.yml"),
    *("pyproject.toml", "README.md", "LICENSE"),
)
LAB = "docs/labs/lab-1-basics.py"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1000000000"}
#: Builds the site, applies the edits (JSON: path -> new text) and builds again, in
#: one process as mkdocs serve does, printing the log.
SERVE_LIKE = """
import json, logging, pathlib, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
config, site, edits = sys.argv[1:]
build(load_config(config_file=config, site_dir=site))
print("== edits saved")
for path, text in json.loads(pathlib.Path(edits).read_text()).items():
    pathlib.Path(path).write_text(text, encoding="utf-8")
build(load_config(config_file=config, site_dir=site))
"""

pytestmark = pytest.mark.slow


def copy_project(folder: Path) -> Path:
    for name in PROJECT:
        source, target = ROOT / name, folder / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return folder


def edited(project: Path) -> dict[str, str]:
    """The three edits, as the new text of each file."""
    relu = (
        Path(inspect.getsourcefile(inspect.unwrap(lessonlib.relu)) or "")
        .relative_to(ROOT)
        .as_posix()
    )
    source = (project / relu).read_text(encoding="utf-8")
    [node] = [n for n in ast.parse(source).body if getattr(n, "name", "") == "relu"]
    lines = source.splitlines(keepends=True)
    lines[node.body[0].lineno - 1] = lines[node.body[0].lineno - 1].replace('"""', '"""Edited. ', 1)
    lesson = (project / "docs/basics/relu.md").read_text(encoding="utf-8")
    lab = (project / LAB).read_text(encoding="utf-8")
    return {
        "docs/basics/relu.md": lesson + "\nA paragraph added after the first build.\n",
        LAB: lab + '\n# %%\nprint("a cell added after the first build")\n',
        relu: "".join(lines),
    }


def build_clean(project: Path, cache: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    env = {**ENV, "LESSON_CACHE": str(cache), "PYTHONPATH": str(project)}
    return subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, text=True)


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


def remade_by_relu(cache: Path, relu_file: str) -> tuple[int, set[str]]:
    """How many figures, and which labs, ran relu in the first build (from their records)."""
    ran = lambda used: "relu" in used["code"].get(relu_file, {}).get("ran", [])  # noqa: E731
    figures = [json.loads(p.read_text())["used"] for p in (cache / "figures").glob("*.json")]
    labs = [json.loads(p.read_text()) for p in (cache / "labs").glob("*.used")]
    return sum(map(ran, figures)), {used["lab"] for used in labs if ran(used)}


def test_a_rebuild_after_edits_equals_a_clean_build(tmp_path: Path) -> None:
    incremental, clean = copy_project(tmp_path / "serve"), copy_project(tmp_path / "clean")
    edits = edited(incremental)
    for path, text in edits.items():
        (clean / path).write_text(text, encoding="utf-8")
    (tmp_path / "edits.json").write_text(
        json.dumps({str(incremental / p): t for p, t in edits.items()})
    )
    clean_build = build_clean(clean, tmp_path / "clean-cache")
    env = {**ENV, "LESSON_CACHE": str(tmp_path / "serve-cache"), "PYTHONPATH": str(incremental)}
    args = [
        str(incremental / "mkdocs.yml"),
        str(incremental / "site"),
        str(tmp_path / "edits.json"),
    ]
    served = subprocess.run(
        [sys.executable, "-c", SERVE_LIKE, *args],
        cwd=incremental,
        env=env,
        capture_output=True,
        text=True,
    )
    clean_log = clean_build.communicate()[0]
    assert served.returncode == 0, served.stdout + served.stderr
    assert clean_build.returncode == 0, clean_log

    first, second = files(incremental / "site"), files(clean / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

    relu_file = next(path for path in edits if path.startswith("lessonlib/"))
    figures_drawn, labs = remade_by_relu(tmp_path / "serve-cache", relu_file)
    rebuild_log = served.stdout.split("== edits saved")[1]
    assert re.findall(r"figures: (\d+) drawn", rebuild_log) == [str(figures_drawn)]
    assert re.findall(r"labs: (\d+) to run", rebuild_log) == [
        str(len(labs | {LAB.removeprefix("docs/")}))
    ]
