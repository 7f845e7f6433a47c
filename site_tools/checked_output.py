"""A Sybil parser that runs each lesson code block and checks what it prints.

Each block runs on its own, in a fresh namespace, exactly as a reader who
copies it into a new Python session would run it. Its printed output is
compared with the ``output`` fence under it by Sybil's doctest output
checker, with NORMALIZE_WHITESPACE and Sybil's NUMBER option: a float
matches to the precision the page prints, so a last-digit difference
between CPUs passes and any real change fails. A block with no ``output``
fence must print nothing. An ``output-varies`` fence (timings) is compared
with every number masked, so its words and layout are still checked. A block
that imports an optional module this machine lacks (PyTorch) is skipped, and
the test report says why.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from collections.abc import Iterable

from lesson_source import CodeBlock, code_blocks, missing_module, runnable_source
from sybil import Document, Example, Region
from sybil.evaluators.doctest import NUMBER, OutputChecker

OPTION_FLAGS = doctest.NORMALIZE_WHITESPACE | NUMBER
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def mask_numbers(text: str) -> str:
    """Replace every number in ``text`` with ``#``, for output whose numbers vary."""
    return _NUMBER.sub("#", text)


def run_block(block: CodeBlock, path: str) -> str:
    """Execute one block in a fresh namespace and return what it printed."""
    source = runnable_source(block)
    padded = "\n" * block.line + source  # so tracebacks give the lesson's own line numbers
    code = compile(padded, path, "exec", dont_inherit=True)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {"__name__": "__lesson__"})
    return printed.getvalue()


def output_mismatch(block: CodeBlock, got: str) -> str | None:
    """A report of how ``got`` differs from the page, or None when they agree."""
    if block.output is None:
        if got:
            return f"the block printed output but the page shows no output fence:\n{got}"
        return None
    want = block.output
    if block.output_varies:
        want, got = mask_numbers(want), mask_numbers(got)
    checker = OutputChecker()
    if checker.check_output(want, got, OPTION_FLAGS):
        return None
    example = doctest.Example(block.source, want)
    difference = checker.output_difference(example, got, OPTION_FLAGS)
    return f"output fence at line {block.output_line} does not match:\n{difference}"


class CheckedOutputParser:
    """Yield one Sybil region per ``python`` fence, spanning its ``output`` fence too."""

    def __call__(self, document: Document) -> Iterable[Region]:
        for block in code_blocks(document.text, document.path):
            yield Region(block.start, block.end, parsed=block, evaluator=self.evaluate)

    @staticmethod
    def evaluate(example: Example) -> str | None:
        reason = missing_module(example.parsed)
        if reason is not None:  # shown in the test report as skipped, with the reason
            import pytest

            pytest.skip(reason)
        return output_mismatch(example.parsed, run_block(example.parsed, example.path))
