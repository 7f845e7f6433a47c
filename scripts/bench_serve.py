"""Benchmark the author's loop: how soon after a save ``mkdocs serve`` has rebuilt the site.

Copies the project (the files git tracks, as a fresh clone has them: no build cache)
to a temporary folder twice and starts ``mkdocs serve`` on each copy:

- the site itself (``mkdocs.yml``);
- the floor: the same Markdown pages, theme and Markdown extensions with plain
  mkdocs-material, no hooks and no plugins (``floor.yml``, made from ``mkdocs.yml``).

Then, ``--repeat`` times and taking turns, it saves one edit of each kind and times
from the save until the server logs "Reloading browsers" (the rebuild has finished
and the browser is told to reload). Each save changes the file's content:

- lesson: a line added to a lesson (``docs/basics/relu.md``), on both servers;
- lab: a comment line added to ``docs/labs/lab-1-basics.py``;
- lessonlib, a module no figure uses: a statement added to a function of the first
  lessonlib module in which no figure's drawing ran any function (read from the
  records in the build cache; labs that ran the function run again);
- lessonlib, a function nothing ran: the same in a function no figure and no lab ran;
- lessonlib, the function most figures ran: the same in that function (outside
  ``plots/``), which redraws those figures and runs again the labs that ran it.

Before the servers start it also times ``--repeat`` cold strict builds (``mkdocs
build --strict`` with an empty build cache, as a fresh clone or CI runs it) and, after
them, strict builds with nothing changed. Prints the median, the range, what each
rebuild made again (from the log) and the ratio to the floor's lesson edit, and the
machine's load average. Run it as ``python scripts/bench_serve.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site_tools"))

import code_notes  # noqa: E402  (site_tools is on the path only from here)

LESSON, LAB = "docs/basics/relu.md", "docs/labs/lab-1-basics.py"
READY, RELOADED = "Serving on http", "Reloading browsers"
MADE = re.compile(r"(figures: \d+ drawn|labs: \d+ to run)")


def copy_project(destination: Path) -> Path:
    """The files git tracks, as they are in the working tree, copied to ``destination``."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination / name)
    return destination


def write_floor_config(project: Path) -> str:
    """``floor.yml``: the site's pages, theme and Markdown, without hooks or plugins."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *args: None)  # MkDocs' tags: only in plugins
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}

    def markdown_only(items: list[object]) -> list[object]:
        kept = []
        for item in items:
            [(title, target)] = item.items()  # type: ignore[attr-defined]
            if isinstance(target, list):
                kept.append({title: markdown_only(target)})
            elif str(target).endswith(".md"):
                kept.append(item)
        return kept

    floor = {"site_name": config["site_name"], "theme": theme, "plugins": [], "nav": []}
    floor.update(markdown_extensions=config["markdown_extensions"])
    floor["nav"] = markdown_only(config["nav"])
    (project / "floor.yml").write_text(yaml.safe_dump(floor), encoding="utf-8")
    return "floor.yml"


class Server:
    """``mkdocs serve`` on one copy, its log read line by line as it comes."""

    def __init__(self, project: Path, config: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", config]
        self.process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(project)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self.wait_for(READY, 0, timeout=600)
        except SystemExit:
            self.stop()
            raise

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip()))

    def wait_for(self, text: str, start: int, timeout: float = 300) -> tuple[float, int]:
        """When the first log line from ``start`` on that contains ``text`` came, and its index."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(start, len(self.lines)):
                if text in self.lines[index][1]:
                    return self.lines[index][0], index
            if self.process.poll() is not None:
                break
            time.sleep(0.01)
        log = "\n".join(line for _, line in self.lines[-40:])
        sys.exit(f"mkdocs serve never logged {text!r}:\n{log}")

    def timed(self, edit: Callable[[], None]) -> tuple[float, str]:
        """Seconds from the edit until the browsers are reloaded, and what was made again."""
        time.sleep(1.0)  # the watcher polls every 0.5 s: let the last rebuild's writes pass
        start = len(self.lines)
        saved = time.monotonic()
        edit()
        reloaded, end = self.wait_for(RELOADED, start)
        made = [m[1] for _, line in self.lines[start:end] if (m := MADE.search(line))]
        return reloaded - saved, ", ".join(made)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def appending(path: Path, line: str) -> Callable[[], None]:
    """An edit that adds one more line, numbered, to the end of ``path``."""
    count = iter(range(1, 10**6))
    return lambda: path.open("a", encoding="utf-8").write(line.format(next(count)))


def in_function(path: Path, name: str) -> Callable[[], None]:
    """An edit to the body of function ``name``: a statement after its docstring, renumbered.

    The statement shares the docstring's last line, so no line of the module moves.
    """
    count = iter(range(1, 10**6))

    def edit() -> None:
        source = path.read_text(encoding="utf-8")
        function = dict(code_notes.functions(ast.parse(source).body))[name]
        lines = source.splitlines(keepends=True)
        at = function.body[0].end_lineno - 1  # the docstring's last line
        kept = re.sub(r"; _bench_edit = \d+$", "", lines[at].rstrip("\n"))
        lines[at] = f"{kept}; _bench_edit = {next(count)}\n"
        path.write_text("".join(lines), encoding="utf-8")

    return edit


def edit_targets(project: Path) -> dict[str, tuple[str, str]]:
    """The lessonlib functions to edit, chosen from what the cached figures and labs ran.

    Only functions with a docstring (the edit shares its last line) in ``lessonlib/*.py``
    (the maths, not ``plots/``) are chosen.
    """
    figures = [json.loads(p.read_text())["used"] for p in project.glob(".cache/figures/*.json")]
    labs = [json.loads(p.read_text()) for p in project.glob(".cache/labs/*.used")]
    by_figures = Counter(_ran_functions(figures))
    by_labs = set(_ran_functions(labs))
    documented = [
        (path.relative_to(project).as_posix(), name)
        for path in sorted(project.glob("lessonlib/*.py"))
        for name, node in code_notes.functions(ast.parse(path.read_text()).body)
        if ast.get_docstring(node)
    ]
    figure_modules = {path for path, _ in by_figures}
    return {
        "lessonlib, a module no figure uses": next(
            t for t in documented if t[0] not in figure_modules
        ),
        "lessonlib, a function nothing ran": next(
            t for t in documented if t not in by_figures and t not in by_labs
        ),
        "lessonlib, the function most figures ran": max(
            documented, key=lambda t: (by_figures[t], t)
        ),
    }


def _ran_functions(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (path, name)
        for record in records
        for path, entry in record["code"].items()
        for name in entry["ran"]
    ]


def timed_build(project: Path, cache: Path, site: Path) -> float:
    """Seconds of one ``mkdocs build --strict`` in a fresh process, with the given cache."""
    env = {**os.environ, "PYTHONPATH": str(project), "LESSON_CACHE": str(cache)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    started = time.monotonic()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each kind (default 5)")
    parser.add_argument(
        "--lesson-only", action="store_true", help="only the lesson edits, no builds"
    )
    options = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        work = Path(folder)
        site, floor = copy_project(work / "site"), copy_project(work / "floor")
        times = {} if options.lesson_only else builds(site, work, options.repeat)
        times |= serve_edits(site, floor, options.repeat, options.lesson_only)
    report(times, load_before)


def builds(site: Path, work: Path, repeat: int) -> dict[str, list[tuple[float, str]]]:
    """Cold strict builds, each with an empty cache, then builds with nothing changed."""
    cold = [(timed_build(site, work / f"cold-{n}", work / "out"), "all") for n in range(repeat)]
    timed_build(site, site / ".cache", work / "out")  # fills the cache that serve will use
    again = [(timed_build(site, site / ".cache", work / "out"), "") for _ in range(repeat)]
    return {"cold strict build": cold, "strict build, nothing changed": again}


def serve_edits(
    site: Path, floor: Path, repeat: int, lesson_only: bool
) -> dict[str, list[tuple[float, str]]]:
    """Each kind of edit, ``repeat`` times, taking turns, timed on the two servers."""
    servers: list[Server] = []
    try:
        servers += [Server(site, "mkdocs.yml"), Server(floor, write_floor_config(floor))]
        time.sleep(10)  # the site's server starts its spare runners after its first build
        edits = {
            "floor: lesson": (servers[1], appending(floor / LESSON, "\nEdit {}.\n")),
            "lesson": (servers[0], appending(site / LESSON, "\nEdit {}.\n")),
        }
        if not lesson_only:
            edits["lab"] = (servers[0], appending(site / LAB, "\n# edit {}\n"))
            for kind, (module, name) in edit_targets(site).items():
                edit = in_function(site / module, name)
                edits[f"{kind} ({module}: {name})"] = (servers[0], edit)
        times: dict[str, list[tuple[float, str]]] = {kind: [] for kind in edits}
        for _ in range(repeat):
            for kind, (server, edit) in edits.items():
                times[kind].append(server.timed(edit))
        return times
    finally:
        for server in servers:
            server.stop()


def report(times: dict[str, list[tuple[float, str]]], load_before: tuple[float, ...]) -> None:
    floor = statistics.median(seconds for seconds, _ in times["floor: lesson"])
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} (1 min)")
    print("| measure | median | fastest, slowest | vs the floor | made again |")
    print("| --- | ---: | ---: | ---: | --- |")
    for kind, runs in times.items():
        seconds = [run[0] for run in runs]
        made = "; ".join(sorted({run[1] for run in runs if run[1]})) or "nothing"
        median = statistics.median(seconds)
        print(
            f"| {kind} | {median:.2f} s | {min(seconds):.2f}, {max(seconds):.2f} s"
            f" | {median / floor:.2f}x | {made} |"
        )


if __name__ == "__main__":
    main()
