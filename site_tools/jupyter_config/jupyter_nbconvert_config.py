"""nbconvert configuration that mkdocs-jupyter loads when it runs the labs.

``site_tools/reproducible.py`` puts this folder on ``JUPYTER_CONFIG_PATH``.
After a notebook has run, each cell's printed text is merged into one
output, so the page does not depend on when the kernel flushed its output
(a cell that prints, works, then prints again gave one output or two).

The kernel talks to the build over IPC (Unix sockets in Jupyter's runtime folder)
rather than TCP on 127.0.0.1: nothing else on the machine can reach it, and the
kernel no longer warns in every build log that it runs over TCP without encryption.
The sockets are named after the build's process: left to its default, jupyter_client
puts them in the current folder under one name, which two builds side by side share.
"""

import os

from jupyter_core.paths import jupyter_runtime_dir
from nbconvert.exporters import Exporter

c = get_config()  # type: ignore[name-defined]  # noqa: F821  (nbconvert's config loader)
os.makedirs(jupyter_runtime_dir(), exist_ok=True)
c.KernelManager.transport = "ipc"
c.KernelManager.ip = os.path.join(jupyter_runtime_dir(), f"lessons-build-{os.getpid()}")
c.CoalesceStreamsPreprocessor.enabled = True
# The default preprocessors run before the notebook executes; repeat the merge after it.
c.Exporter.default_preprocessors = [
    *Exporter().default_preprocessors,
    "nbconvert.preprocessors.CoalesceStreamsPreprocessor",
]
