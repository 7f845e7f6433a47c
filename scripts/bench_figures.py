"""Benchmark the generated figures: what drawing costs, and what a no-op rebuild costs.

Prints three times, each the median and the best of ``--repeat`` runs of the strict site
build (``mkdocs build --strict``, in a fresh process, as CI runs it), both wall-clock and
CPU time (user + system of the build's processes, less disturbed by a busy machine):

- a build that draws every figure (empty figure cache),
- a no-op rebuild (every figure reused from the cache),
- a build with figure generation off (``LESSON_FIGURES=off``), the baseline,

plus the ratio no-op / off (goal: at most 1.2) and, for scale, the figure step on
its own: ``prepare`` (what the hook's ``on_files`` runs) drawing into an empty cache
and reusing a full one. Every variant uses its own temporary cache and site folder
(``LESSON_CACHE``), each with the labs already run, so that only figures differ;
the runs are interleaved so that a noisy neighbour slows all variants alike.
Run it as ``python scripts/bench_figures.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site_tools"))

import figures  # noqa: E402  (site_tools is on the path only from here)
from figure_registry import read_registry  # noqa: E402

REGISTRY = ROOT / "docs" / "figures.yml"


def timed_build(site: Path, cache: Path, figures_on: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the build's processes) of one strict build."""
    env = {**os.environ, "LESSON_CACHE": str(cache)}
    env["LESSON_FIGURES"] = "on" if figures_on else "off"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stderr}")
    return seconds, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_prepare(cache: Path) -> tuple[float, int]:
    """Seconds for the figure step alone, and how many figures it drew."""
    started = time.perf_counter()
    _, drawn = figures.prepare(REGISTRY, cache / "figures", ROOT)
    return time.perf_counter() - started, drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant (default 3)")
    repeat = parser.parse_args().repeat
    variants = ("drawing all", "no-op", "off")
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    step: dict[str, list[float]] = {"draw all": [], "reuse all": []}
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as folder:
        work = Path(folder)
        warm = work / "warm-cache"
        timed_build(work / "site-warm", warm, figures_on=True)  # fills the warm cache
        off = work / "off-cache"
        shutil.copytree(warm / "labs", off / "labs")  # every variant reuses the labs
        for run in range(repeat):
            cold = work / f"cold-cache-{run}"
            shutil.copytree(warm / "labs", cold / "labs")
            times["drawing all"].append(timed_build(work / "site-cold", cold, figures_on=True))
            times["no-op"].append(timed_build(work / "site-warm", warm, figures_on=True))
            times["off"].append(timed_build(work / "site-off", off, figures_on=False))
            seconds, drawn = timed_prepare(work / f"step-cache-{run}")
            assert drawn == len(read_registry(REGISTRY))
            step["draw all"].append(seconds)
            seconds, drawn = timed_prepare(work / f"step-cache-{run}")
            assert drawn == 0
            step["reuse all"].append(seconds)
    n_figures = len(read_registry(REGISTRY))
    print(f"figures declared: {n_figures}; {repeat} strict builds per variant (median, best)")
    for kind, column in (("wall-clock", 0), ("CPU", 1)):
        median = {name: statistics.median(run[column] for run in times[name]) for name in times}
        best = {name: min(run[column] for run in times[name]) for name in times}
        for name in variants:
            runs = " ".join(f"{run[column]:.2f}" for run in times[name])
            print(
                f"  {kind:<10} build, {name:<11} {median[name]:6.2f} s {best[name]:6.2f} s"
                f"  ({runs})"
            )
        print(
            f"  {kind:<10} ratio no-op / off: {median['no-op'] / median['off']:.3f} median,"
            f" {best['no-op'] / best['off']:.3f} best  (goal <= 1.2)"
        )
        print(
            f"  {kind:<10} ratio drawing all / off: {median['drawing all'] / median['off']:.3f}"
            " median"
        )
    for name, values in step.items():
        print(f"  figure step alone, {name:<10} {statistics.median(values) * 1000:8.1f} ms median")


if __name__ == "__main__":
    main()
