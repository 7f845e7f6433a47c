"""Start the processes that draw the figures and run the labs, one spare ahead under serve.

A runner (``figure_drawing.py``, ``lab_runner.py``) is a fresh Python, so that a
lessonlib edit is drawn and run with the new code. Most of its start is importing
matplotlib or nbconvert and compiling templates (1 to 2 s), which no lessonlib
edit changes. So under ``mkdocs serve``, once a build is done (and the cores are
free), a spare of each runner is started: it imports its libraries and waits on
its standard input for a later build's request. A spare is used only while the
build's tools and the installed libraries are what they were when it started;
otherwise it is stopped and a new one started. A spare left when MkDocs stops
sees its input close and exits.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

TOOLS = Path(__file__).resolve().parent
FIGURES, LABS = TOOLS / "figure_drawing.py", TOOLS / "lab_runner.py"
serving = {"on": False}  # set by project.py's on_startup under mkdocs serve
_spares: dict[str, Runner] = {}


def runner_env(root: Path) -> dict[str, str]:
    """The environment of a runner: lessonlib from ``root``, no .pyc, one BLAS thread.

    No ``.pyc`` is written into the watched folders (``mkdocs serve`` would rebuild
    once more), and BLAS gets one thread: the jobs already run side by side, one
    per core, and more threads would only wait for one.
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg"}
    env.update(dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


class Runner:
    """One runner process; its output goes to a file, which never fills and stops it."""

    def __init__(self, script: Path, root: Path) -> None:
        self.stamp = _stamp(root)
        self.output = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=root,
            env=runner_env(root),
        )

    def give(self, request: dict[str, Any]) -> Runner:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request))
        self.process.stdin.close()
        return self

    def finish(self, what: str) -> None:
        """Wait for the runner; stop the build, with its output, if it failed."""
        code = self.process.wait()
        self.output.seek(0)
        text = self.output.read()
        self.output.close()
        if code != 0:
            raise PluginError(f"{what} failed:\n{text.strip()}")

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.output.close()


def run(script: Path, root: Path, request: dict[str, Any]) -> Runner:
    """Give ``request`` to a runner of ``script``: the spare if it is still current."""
    runner = _spares.pop(str(script), None)
    if runner is not None and (runner.stamp != _stamp(root) or runner.process.poll() is not None):
        runner.stop()
        runner = None
    return (runner or Runner(script, root)).give(request)


def start_spares(root: Path) -> None:
    """Under mkdocs serve, have a spare of each runner ready for the next build."""
    for script in (FIGURES, LABS) if serving["on"] else ():
        if str(script) not in _spares:
            _spares[str(script)] = Runner(script, root)


def stop_spares() -> None:
    while _spares:
        _spares.popitem()[1].stop()


def _stamp(root: Path) -> str:
    """What a runner depends on besides its request: the tools, the installs, the root."""
    digest = hashlib.sha256(f"{root}\0{sys.executable}\0".encode())
    for path in sorted(TOOLS.rglob("*.py")):
        digest.update(path.read_bytes())
    for folder in sys.path:
        if os.path.isdir(folder):
            digest.update(f"{folder}\0{os.stat(folder).st_mtime_ns}\0".encode())
    return digest.hexdigest()
