"""Run and render the labs that ``lab_runs.py`` found missing or stale, in a fresh Python.

Started by ``runners.py``, with the request as JSON on stdin: the project root,
mkdocs-jupyter's options (its cache folder among them) and one job a lab.
nbconvert and mkdocs-jupyter are imported, and their templates compiled, before it
comes; then each lab is rendered in
its own fork (``forked.py``), side by side, by the plugin's own ``on_pre_page`` and
page ``render``: on a cache miss these execute the lab in a fresh kernel and write
the rendered page into the plugin's cache, exactly as during a build.

Each kernel starts with a throwaway IPython folder whose startup file has
``code_notes.trace_kernel`` note which lessonlib functions run; with what this
process loaded, that becomes the record kept beside the cached page (``.used``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import code_notes
import dependencies
import forked
import project

HERE = Path(__file__).resolve().parent
#: The files of this step: a change to any of them runs every lab again.
TOOLS = (
    "lab_runner.py",
    "dependencies.py",
    "code_notes.py",
    "forked.py",
    "jupyter_config/jupyter_nbconvert_config.py",
    "lab_layout.py",
)
_STARTUP = (
    "__import__('sys').path.insert(0, {tools!r})\n"
    "__import__('code_notes').trace_kernel(get_ipython())\n"
    "__import__('sys').path.remove({tools!r})\n"
)


def main() -> None:
    plugin_class = _prepare(Path.cwd().resolve())  # runners.py starts it in the project root
    dependencies.installed()
    text = sys.stdin.read()  # a spare waits here, ready, for the next build
    if not text:
        return  # a spare no build needed
    request = json.loads(text)
    root = Path(request["root"]).resolve()

    def run(job: dict[str, Any]) -> None:
        with tempfile.TemporaryDirectory(prefix="lab-kernel-") as folder:
            ran = _render(plugin_class(), request["options"], job, Path(folder), root)
        used = dependencies.record(root, [*ran["modules"], *sys.modules], TOOLS, ran["ran"])
        used["lab"] = job["src_path"]  # for people and tests; not an input
        record = Path(job["page"]).with_suffix(".used")
        project.write_whole(record, json.dumps(used, sort_keys=True))

    if not forked.run_each(request["jobs"], run):
        sys.exit(1)


def _prepare(root: Path) -> Any:
    """Import nbconvert and mkdocs-jupyter, and compile their templates, before the request.

    nbconvert makes a Jinja environment for every notebook it renders and compiles
    its templates in each (a third of a lab's rendering): here the environments
    share a bytecode cache (``project.compiled_templates``), filled by rendering a
    sample notebook once, before the forks.
    """
    from mkdocs_jupyter import convert, plugin
    from nbconvert.exporters.templateexporter import TemplateExporter

    compiled = project.compiled_templates(root, "nbconvert")
    create_environment = TemplateExporter._create_environment

    def with_compiled_templates(exporter: Any) -> Any:
        environment = create_environment(exporter)
        environment.bytecode_cache = compiled
        return environment

    TemplateExporter._create_environment = with_compiled_templates
    with tempfile.TemporaryDirectory(prefix="lab-sample-") as folder:
        sample = Path(folder) / "sample.py"
        sample.write_text("# %% [markdown]\n# # A sample\n\n# %%\nprint(1)\n", encoding="utf-8")
        convert.nb2html(str(sample))
        plugin._get_nb_toc_tokens(str(sample), 6)
    return plugin.Plugin


def _render(
    plugin: Any, options: dict[str, Any], job: dict[str, Any], folder: Path, root: Path
) -> dict[str, Any]:
    """Execute and render one lab as the plugin does; return what its kernel ran."""
    startup = folder / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-lessonlib-trace.py").write_text(_STARTUP.format(tools=str(HERE)))
    ran = folder / "ran.json"
    os.environ["IPYTHONDIR"] = str(folder)
    os.environ.update({code_notes.TRACE_TO: str(ran), code_notes.TRACE_ROOT: str(root)})
    page = Path(job["page"])
    rendering = folder / "cache"  # the plugin writes here, then the page moves whole
    errors, _ = plugin.load_config({**options, "cache_dir": str(rendering)})
    if errors:
        sys.exit(f"labs: mkdocs-jupyter options: {errors}")
    target = SimpleNamespace(file=SimpleNamespace(**job), abs_url=None)
    plugin.on_pre_build(config=None)
    plugin.on_pre_page(target, config=None, files=None)
    target.render(None, None)  # a cache miss: executes the lab and writes the cached page
    if not (rendering / page.name).exists():
        sys.exit(f"labs: {job['abs_src_path']} was rendered, but not as {page.name}")
    if not ran.exists():
        sys.exit(f"labs: the kernel of {job['abs_src_path']} did not say what it ran")
    project.write_whole(page, (rendering / page.name).read_text(encoding="utf-8"))
    return json.loads(ran.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


if __name__ == "__main__":
    main()
