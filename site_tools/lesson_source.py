"""Read a lesson's Markdown into its code blocks, each with the output the page shows.

A lesson writes code as a ``python`` fence. When the code prints, the fence is
followed directly by an ``output`` fence holding exactly what it prints. Where
the numbers printed change with every run (timings), the fence is
``output-varies`` instead: its text is checked with every number masked, and
the page must say in its prose that the numbers vary. This
module is the one reader of that convention: the Sybil parser, the notebook
and script generators and the drift self-test all go through it.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from sybil import Document
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

ROOT = Path(__file__).resolve().parent.parent

_INFO = re.compile(r"(?P<language>[\w-]+)(?P<options>[^\n]*)$\n", re.MULTILINE)
_LEXER = RawFencedCodeBlockLexer(info_pattern=_INFO)
OUTPUT_LANGUAGES = ("output", "output-varies")
_SNIPPET_LINE = re.compile(r'^\s*--8<--\s+"[^"]+"\s*$')
#: Modules a lesson may import that not every machine has, and what to say where one is missing.
OPTIONAL_MODULES = {
    "torch": "PyTorch is not installed; `pip install torch==2.13.0` adds its CPU build",
}


@dataclass(frozen=True)
class CodeBlock:
    """One ``python`` fence and the ``output`` fence after it, if there is one."""

    source: str  # the code, as written in the Markdown
    line: int  # 1-based line of the opening python fence
    start: int  # offset of the python fence in the text
    end: int  # offset just past the output fence, or past the python fence
    output: str | None = None  # what the page says the code prints
    output_line: int | None = None  # 1-based line of the opening output fence
    output_start: int | None = None  # offset of the output text itself
    output_varies: bool = False  # an ``output-varies`` fence: numbers are not compared

    @property
    def is_snippet(self) -> bool:
        """True for a block that only includes lessonlib source with ``--8<--`` lines."""
        lines = [line for line in self.source.splitlines() if line.strip()]
        return bool(lines) and all(_SNIPPET_LINE.match(line) for line in lines)


@functools.lru_cache(maxsize=256)  # a build reads each lesson several times
def code_blocks(text: str, path: str = "<lesson>") -> tuple[CodeBlock, ...]:
    """Every ``python`` fence in ``text``, paired with the ``output`` fence that follows it."""
    document = Document(text, path)
    fences = sorted(_LEXER(document), key=lambda region: region.start)
    blocks = []
    for index, fence in enumerate(fences):
        if fence.lexemes["language"] != "python":
            continue
        following = fences[index + 1] if index + 1 < len(fences) else None
        source = str(fence.lexemes["source"])
        line = text.count("\n", 0, fence.start) + 1
        if (
            following is not None
            and following.lexemes["language"] in OUTPUT_LANGUAGES
            and not text[fence.end : following.start].strip()
        ):
            output_start = following.start + following.lexemes["source"].offset
            blocks.append(
                CodeBlock(
                    source,
                    line,
                    fence.start,
                    following.end,
                    str(following.lexemes["source"]),
                    text.count("\n", 0, following.start) + 1,
                    output_start,
                    following.lexemes["language"] == "output-varies",
                )
            )
        else:
            blocks.append(CodeBlock(source, line, fence.start, fence.end))
    return tuple(blocks)


def expand_snippets(source: str) -> str:
    """Replace ``--8<--`` lines with the lessonlib source they name, as the site does."""
    lines = _snippets().run(source.splitlines())  # read afresh: lessonlib may have changed
    return "\n".join(lines) + "\n"


@functools.cache
def _snippets() -> Any:
    """The snippets preprocessor, made once (each run starts afresh)."""
    converter = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}},
    )
    return converter.preprocessors["snippet"]


def runnable_source(block: CodeBlock) -> str:
    """The code a reader copies from the built page: snippet lines expanded."""
    return expand_snippets(block.source) if block.is_snippet else block.source


def missing_module(block: CodeBlock) -> str | None:
    """Why ``block`` cannot run here: an optional module it imports is not installed; else None."""
    tree = ast.parse(runnable_source(block))
    for node in ast.walk(tree):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            top = name.partition(".")[0]
            if top in OPTIONAL_MODULES and importlib.util.find_spec(top) is None:
                return OPTIONAL_MODULES[top]
    return None
