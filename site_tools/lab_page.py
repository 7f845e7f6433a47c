"""A lab, run and written out as one lesson page, so that its text is checked like a lesson's.

A lab (``docs/labs/lab-*.py``, jupytext percent format) keeps its printed results in
no file: they exist once it runs. `lab_page` runs the cells the site runs (laid out
by ``lab_layout.with_solutions``: each reference solution in place of the learner's
blank) in one namespace, in this process, and writes the lab as Markdown: each
Markdown cell as prose, each code cell as a ``python`` fence followed by an
``output`` fence of what it printed. The prose-number rule (``prose_numbers.py``)
then applies to the lab as to any lesson.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import jupytext
from lab_layout import with_solutions


def lab_page(path: Path) -> str:
    """The lab at ``path``, run, as a Markdown page with its printed output."""
    namespace: dict[str, object] = {"__name__": "__lab__"}
    parts = []
    for cell in with_solutions(jupytext.read(path)).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        else:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(cell.source, str(path), "exec"), namespace)
            parts.append(f"```python\n{cell.source}\n```")
            if printed.getvalue():
                parts.append(f"```output\n{printed.getvalue()}```")
    return "\n\n".join(parts) + "\n"


def file_line(path: Path, page: str, page_line: int) -> int:
    """The line of the lab file that holds line ``page_line`` of its page (0 if none does)."""
    wanted = page.splitlines()[page_line - 1].strip()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if wanted and line.removeprefix("#").strip() == wanted:
            return number
    return 0
