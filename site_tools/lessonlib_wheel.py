"""MkDocs hook: the site serves lessonlib's wheel, so a learner installs it in one line.

Every lesson and lab imports ``lessonlib``. The build makes its wheel with
``python -m build`` (no build isolation: the pinned setuptools, and no network) from a
copy of the package's files, so concurrent builds never share a ``build/`` folder. The
wheel is served at ``downloads/<wheel name>``, a path that changes only with the version;
the download boxes and the notebooks give ``pip install <site_url>downloads/<wheel name>``
(``install_command``), and so does any page at the marker ``<!-- lessonlib: install line -->``.

Building takes a second, so the result is kept in the build cache
(``project.cache_dir``, ``wheel/<digest>``), keyed by a hash of every file that goes
into it and the zip date: a lesson edit under ``make serve`` reuses the wheel. The
zip entries are dated ``SOURCE_DATE_EPOCH``, or 1980-01-01 when it is unset, so the
same sources always give the same wheel bytes. ``python site_tools/lessonlib_wheel.py
DIR`` builds the sdist too, and copies both into ``DIR`` (``scripts/check`` checks them
there with ``twine check``); its wheel is the same file the site serves.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import dependencies
import project
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

log = get_plugin_logger("wheel")

SITE_FOLDER = "downloads"
ROOT = Path(__file__).resolve().parent.parent
ZIP_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip entry can hold
INSTALL_MARKER = "<!-- lessonlib: install line -->"  # in a page: becomes the install line


def project_table() -> dict[str, Any]:
    """The ``[project]`` table of pyproject.toml."""
    return _table((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=2)
def _table(text: str) -> dict[str, Any]:
    return tomllib.loads(text)["project"]  # type: ignore[no-any-return]


def wheel_name() -> str:
    """The wheel's file name (PEP 427), known before it is built."""
    meta = project_table()
    return f"{meta['name'].replace('-', '_')}-{meta['version']}-py3-none-any.whl"


def install_command(site_url: str | None, others: list[str] | None = None) -> str:
    """The one line that installs lessonlib from the published site, and ``others`` from PyPI.

    Without a ``site_url`` (a site not published anywhere) it names the downloaded wheel.
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    return " ".join(["pip install", f"{base}{SITE_FOLDER}/{wheel_name()}", *(others or [])])


def other_requirements(sources: list[str]) -> list[str]:
    """The PyPI names of what ``sources`` import beyond Python, lessonlib and its dependencies.

    For example ``["scikit-learn"]`` for code that does ``from sklearn import datasets``.
    """
    modules = set().union(*map(_imported, sources))
    table = project_table()
    brought = {_normal(re.split(r"[\s<>=!~;\[]", name)[0]) for name in table["dependencies"]}
    brought.add(_normal(table["name"]))
    providers = dependencies.installed()["owners"]  # read again only after an install
    others = set()
    for module in modules - set(sys.stdlib_module_names):
        names = providers.get(module, [module])
        if not brought & {_normal(name) for name in names}:
            others.add(names[0])
    return sorted(others)


@functools.lru_cache(maxsize=256)
def _imported(source: str) -> frozenset[str]:
    """The top-level modules that ``source`` imports (kept: every build asks again)."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return frozenset(modules)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def package_files() -> list[Path]:
    """Every file the distributions are made from: pyproject, readme, licences, packages."""
    meta = project_table()
    named = ["pyproject.toml", meta["readme"], *meta.get("license-files", [])]
    files = [ROOT / name for name in named]
    for package in {name.split(".")[0] for name in _packages()}:
        files += [
            path
            for path in (ROOT / package).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        ]
    return sorted(set(files))


def _packages() -> list[str]:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(setuptools["tool"]["setuptools"]["packages"])


def _zip_epoch() -> str:
    return os.environ.get("SOURCE_DATE_EPOCH") or ZIP_EPOCH


def digest() -> str:
    """A hash of what the distributions are made from, their zip date and the builder."""
    hasher = hashlib.sha256(f"{_zip_epoch()} {sys.version} {__file__}".encode())
    for path in package_files():
        hasher.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()[:20]


def distributions(sdist: bool = False) -> Path:
    """The folder holding the current wheel, and the sdist if asked, building them if not cached.

    The site serves only the wheel, so a build makes only the wheel (half the time); both
    are built straight from the sources, so the wheel is the same either way.
    """
    folder = project.cache_dir(ROOT, "wheel") / (digest() + ("-sdist" if sdist else ""))
    if (folder / wheel_name()).is_file():
        return folder
    with tempfile.TemporaryDirectory() as temporary:
        source, built = Path(temporary) / "source", Path(temporary) / "dist"
        for path in package_files():
            target = source / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(built)]
        command += ["--wheel", "--sdist"] if sdist else ["--wheel"]
        environment = {**os.environ, "SOURCE_DATE_EPOCH": _zip_epoch()}
        done = subprocess.run(
            [*command, str(source)], env=environment, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"python -m build failed:\n{done.stdout}\n{done.stderr}")
        folder.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=folder.parent))
        for path in built.iterdir():
            shutil.copy2(path, staged / path.name)
        try:
            staged.rename(folder)  # whole or not at all: builds may share the cache
        except OSError:
            shutil.rmtree(staged)  # another build put the same files there first
    log.info("built %s", wheel_name())
    return folder


def on_files(files: Files, *, config: Any) -> Files:
    """Serve the wheel at ``downloads/<wheel name>``."""
    wheel = distributions() / wheel_name()
    uri = f"{SITE_FOLDER}/{wheel.name}"
    if files.get_file_from_path(uri) is not None:
        raise ValueError(f"docs/{uri} exists, but the build generates that file")
    files.append(File.generated(config, uri, abs_src_path=str(wheel)))
    return files


def on_page_markdown(markdown: str, *, config: Any, **kwargs: Any) -> str:
    """Write the install line where a page asks for it with the marker ``INSTALL_MARKER``."""
    return markdown.replace(INSTALL_MARKER, f"`{install_command(config.site_url)}`")


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    """Under ``mkdocs serve``, rebuild when the package's metadata or licence changes."""
    for path in package_files():
        if path.parent == ROOT:
            server.watch(str(path))
    return server


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for built in sorted(distributions(sdist=True).iterdir()):
        shutil.copy2(built, target / built.name)
        print(target / built.name)
