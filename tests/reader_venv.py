"""A learner's Python: a fresh virtual environment with only the wheel the built site serves.

It is made outside the repository, from ``downloads/<wheel>`` of the built site and the
install line that the site's notebooks give (its URL swapped for that file), plus
ipykernel, which Jupyter brings on a learner's machine. Its Python runs the downloaded
scripts, and a kernel of it (``client``) runs the downloaded notebooks, so what
they print comes from the installed wheel, never from the checkout under test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import venv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from lesson_source import OPTIONAL_MODULES
from lessonlib_wheel import SITE_FOLDER, wheel_name
from nbclient import NotebookClient
from nbformat import NotebookNode
from traitlets import default

ROOT = Path(__file__).resolve().parent.parent
INSTALL_LINE = re.compile(r"`pip install (?P<wheel>\S+)(?P<others>(?: [\w.\[\]-]+)*)`")
KERNEL = "lessonlib-reader"


@dataclass(frozen=True)
class ReaderVenv:
    """The learner's environment: its Python and the folder of its Jupyter kernel."""

    python: Path
    kernels: Path

    def environment(self) -> dict[str, str]:
        """The process environment, with nothing that points back at the checkout."""
        return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}

    def client(self, notebook: NotebookNode, **options: Any) -> NotebookClient:
        """An nbclient that runs ``notebook`` in a kernel of this environment's Python.

        nbclient makes (and so shuts down) the kernel itself, from the class given here.
        """
        kernels = str(self.kernels)

        class ReaderKernelManager(AsyncKernelManager):
            @default("kernel_spec_manager")
            def _reader_kernels(self) -> KernelSpecManager:
                return KernelSpecManager(kernel_dirs=[kernels])

        return NotebookClient(
            notebook, kernel_name=KERNEL, kernel_manager_class=ReaderKernelManager, **options
        )


def install_lines(site: Path) -> list[tuple[str, list[str]]]:
    """(wheel URL, other packages) of the install line in every downloaded notebook."""
    lines = []
    for notebook in sorted(site.rglob("*.ipynb")):
        first = json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]
        match = INSTALL_LINE.search("".join(first["source"]))
        assert match, f"{notebook} gives no `pip install ...` line in its first cell"
        lines.append((match["wheel"], match["others"].split()))
    return lines


def make_reader_venv(site: Path, folder: Path) -> ReaderVenv:
    """Create the environment in ``folder`` and install what the site's install lines name."""
    wheel = site / SITE_FOLDER / wheel_name()
    assert wheel.is_file(), f"the built site serves no {SITE_FOLDER}/{wheel_name()}"
    others: set[str] = set()
    for url, packages in install_lines(site):
        assert url.endswith(f"/{SITE_FOLDER}/{wheel.name}"), f"{url} is not the served wheel"
        others |= set(packages)
    # An optional module missing here (torch) is left out: the tests of its lessons
    # skip, saying why, as they do in the checkout's environment.
    others -= {name for name in OPTIONAL_MODULES if importlib.util.find_spec(name) is None}
    venv.create(folder / "venv", with_pip=True, clear=True)
    reader = ReaderVenv(folder / "venv" / "bin" / "python", folder / "kernels")
    pip = [str(reader.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # The learner's own packages come from PyPI at the versions the project pins.
    pip += ["-c", str(ROOT / "constraints.txt"), str(wheel), *sorted(others), "ipykernel"]
    done = subprocess.run(
        pip, cwd=folder, env=reader.environment(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"installing the wheel failed:\n{done.stderr}"
    spec = {
        "argv": [str(reader.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "lessonlib from the wheel",
        "language": "python",
    }
    (reader.kernels / KERNEL).mkdir(parents=True)
    (reader.kernels / KERNEL / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return reader
