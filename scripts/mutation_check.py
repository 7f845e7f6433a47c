"""Drift self-test: prove that the lesson checks fail when a lesson drifts.

Copies ``docs/`` to a temporary folder. For every ``output`` fence of every
lesson it makes one small change to a copy of the page (a digit changed, a
value added or a value removed, in turn) and checks the changed page with the
lesson suite's own parser and checker (``site_tools/``), in this process.
Every change must make the page fail. It also changes one number in the code
of every block whose output is shown, runs that block, and expects failure.

Each block runs once unchanged and its printed output is kept: an output
change needs no re-run, only a new comparison, so the whole check takes a
few seconds. Run it as ``python scripts/mutation_check.py``; it prints the
score and its wall time and exits 1 naming the file and line of any change
that was not caught.

The numbers in the prose get their own score: every number in a lesson's or a
lab's text that restates a printed result has its last written digit moved by
one, and the prose check (``site_tools/prose_numbers.py``) must then fail the page.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import contextlib  # noqa: E402  (the timer starts before the heavy imports)
import io  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import tokenize  # noqa: E402
import warnings  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site_tools"))

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # as in conftest.py: lessons never open a window

from checked_output import output_mismatch, run_block  # noqa: E402
from figure_registry import REGISTRY, read_registry  # noqa: E402
from lab_page import file_line, lab_page  # noqa: E402
from lesson_source import CodeBlock, code_blocks, missing_module, runnable_source  # noqa: E402
from prose_numbers import prose_numbers, sections, unfounded  # noqa: E402
from written_numbers import Number, numbers_in  # noqa: E402

# A number as printed: -3, 0.4993, 9.6e-05, 0. (numpy prints "0." in float arrays)
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])")
WORD = re.compile(r"\S+")
VERBOSE = "--verbose" in sys.argv[1:]  # print every change as it is made
BLOCK_SECONDS = 20.0  # a changed block still running after this counts as failing
OUTPUT_KINDS = ("digit changed", "value added", "value removed")


@dataclass(frozen=True)
class Mutation:
    """One small change to one lesson."""

    lesson: Path  # relative to docs/
    line: int  # line of the change in the lesson
    kind: str
    before: str
    after: str
    text: str  # the whole changed lesson

    def where(self) -> str:
        return f"docs/{self.lesson.as_posix()}:{self.line}"

    def describe(self) -> str:
        return f"{self.where()} {self.kind}: {self.before!r} -> {self.after!r}"


class Lessons:
    """Runs lesson blocks like the Sybil suite does, each distinct block only once."""

    def __init__(self) -> None:
        self._printed: dict[str, str | BaseException] = {}
        self.executions = 0

    def printed(self, block: CodeBlock, path: Path) -> str | BaseException:
        """What the block prints, or the exception it raises (cached by its source)."""
        source = runnable_source(block)
        if source not in self._printed:
            self.executions += 1
            with warnings.catch_warnings(), _time_limit(BLOCK_SECONDS):
                warnings.simplefilter("error")  # as pytest's filterwarnings = error
                try:
                    self._printed[source] = run_block(block, str(path))
                except Exception as error:  # a changed block that raises or hangs fails
                    self._printed[source] = error
                finally:
                    _close_figures()
        return self._printed[source]

    def failure(self, block: CodeBlock, path: Path) -> str | None:
        """The failure the lesson suite would report for this block, or None."""
        printed = self.printed(block, path)
        if isinstance(printed, BaseException):
            return f"raised {type(printed).__name__}: {printed}"
        return output_mismatch(block, printed)

    def page_failures(self, path: Path) -> list[str]:
        """Every block of the page that fails, with its line (blocks this machine cannot run
        are left out, as the lesson suite skips them)."""
        blocks = runnable(code_blocks(path.read_text(encoding="utf-8"), str(path)))
        reports = ((block, self.failure(block, path)) for block in blocks)
        return [f"line {block.line}: {report}" for block, report in reports if report]


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in code that runs longer than ``seconds``: a changed loop may not end."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _close_figures() -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _meaningful(before: str, after: str) -> bool:
    """True when Sybil's NUMBER option must tell ``after`` from ``before``.

    NUMBER accepts a printed float that differs by up to one unit in its last
    printed digit, and a digit beyond a double's precision changes nothing.
    """
    if "." not in before and "e" not in before.lower():
        return before != after  # an integer is compared as text
    mantissa, _, exponent = before.lower().partition("e")
    precision = len(mantissa.partition(".")[2]) - int(exponent or 0)
    return abs(float(after) - float(before)) > 10.0**-precision


def _changed_digit(token: str) -> str | None:
    """The token with one digit moved by two units, the last digit that still matters."""
    mantissa_end = len(re.split(r"[eE]", token)[0])
    for position in reversed(range(mantissa_end)):
        if token[position].isdigit():
            digit = int(token[position])
            new = str(digit + 2 if digit < 8 else digit - 2)
            changed = token[:position] + new + token[position + 1 :]
            if _meaningful(token, changed):
                return changed
    return None


def output_mutation(text: str, block: CodeBlock, index: int, lesson: Path) -> Mutation:
    """Change the output fence of ``block``: the kind and the value vary with ``index``."""
    assert block.output is not None
    assert block.output_start is not None
    values = list(NUMBER.finditer(block.output)) or list(WORD.finditer(block.output))
    if not values:  # an empty output fence: any value added must fail
        start = _page_offset(text, block.output_line, block.output, 0)
        changed = f"{text[:start]}0\n{text[start:]}"
        return Mutation(lesson, _line(text, start), "value added", "", "0", changed)
    kind = OUTPUT_KINDS[index % len(OUTPUT_KINDS)]
    if block.output_varies and kind == "digit changed":
        kind = "value added"  # its numbers are masked: only added or removed values can fail
    for attempt in range(len(values)):
        value = values[(index + attempt) % len(values)]
        before = value.group()
        if kind == "digit changed":
            after = _changed_digit(before) if NUMBER.fullmatch(before) else None
            if after is None:
                continue  # no digit here that the checker must notice: try the next value
        elif kind == "value added":
            after = f"{before} {before}"
        else:
            after = ""
        start = _page_offset(text, block.output_line, block.output, value.start())
        changed = text[:start] + after + text[start + len(before) :]
        return Mutation(lesson, _line(text, start), kind, before, after, changed)
    # no number with a digit the checker must notice (e.g. the output is "True"): add a value
    return output_mutation(text, block, index + 1, lesson)


def number_tokens(source: str) -> list[tokenize.TokenInfo]:
    """The numeric literals in a block's code, in order."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [token for token in tokens if token.type == tokenize.NUMBER]


def input_mutations(text: str, block: CodeBlock, index: int, lesson: Path) -> Iterator[Mutation]:
    """Each number in the block's code with its sign flipped (0 becomes 1), starting at ``index``.

    A flipped sign is a large change; a number whose change leaves the printed
    output identical is skipped by the caller, as it proves nothing either way.
    """
    source_lines = block.source.splitlines(keepends=True)
    tokens = number_tokens(block.source)
    for attempt in range(len(tokens)):
        token = tokens[(index + attempt) % len(tokens)]
        row, column = token.start[0] - 1, token.start[1]
        position = sum(len(line) for line in source_lines[:row]) + column
        offset = _page_offset(text, block.line, block.source, position)
        before = token.string
        after = "1" if float(before.rstrip("jJ").replace("_", "") or 0) == 0 else f"-{before}"
        changed = text[:offset] + after + text[offset + len(before) :]
        line = source_lines[row]
        new_line = line[:column] + after + line[column + len(before) :]
        if _compiles("".join([*source_lines[:row], new_line, *source_lines[row + 1 :]])):
            yield Mutation(
                lesson, _line(text, offset), "input number changed", before, after, changed
            )


def _page_offset(text: str, first_line: int, body: str, position: int) -> int:
    """Where in the page lies ``position`` of a fence's ``body``, which starts on ``first_line``.

    ``first_line`` is the fence's own line, counted from 1, so it is also the 0-based
    index of the body's first line. A fence folded in an answer is indented on the page,
    and its body, as the lexer gives it, is not: each line's indent is added back.
    """
    page_lines = text.splitlines(keepends=True)
    body_lines = body.splitlines(keepends=True)
    row = body[:position].count("\n")
    column = position - sum(len(line) for line in body_lines[:row])
    indent = len(page_lines[first_line + row]) - len(body_lines[row])
    return sum(len(line) for line in page_lines[: first_line + row]) + indent + column


def _compiles(source: str) -> bool:
    try:
        compile(source, "<changed block>", "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


@dataclass
class Tally:
    """What the check changed, and which changes the lesson suite did not catch."""

    outputs: Counter[str] = field(default_factory=Counter)  # output changes, by kind
    inputs: int = 0  # input changes that altered what the block prints
    unchanged: int = 0  # input changes that left the printed output identical (skipped)
    survivors: list[Mutation] = field(default_factory=list)
    prose_total: int = 0  # numbers in the prose that restate a printed result, each changed
    prose_skipped: int = 0  # changes to a number that the section shows too
    prose_survivors: list[str] = field(default_factory=list)

    def check(self, lessons: Lessons, page: Path, mutation: Mutation) -> None:
        """Write the changed lesson, check it, and keep the change if the page still passes."""
        if VERBOSE:
            print(mutation.describe())
        page.write_text(mutation.text, encoding="utf-8")
        if not lessons.page_failures(page):
            self.survivors.append(mutation)


def change_input(
    lessons: Lessons, page: Path, lesson: Path, block: CodeBlock, index: int, tally: Tally
) -> None:
    """Change the first number (from the ``index``-th on) that alters what the block prints."""
    original = page.read_text(encoding="utf-8")
    baseline = lessons.printed(block, page)
    for mutation in input_mutations(original, block, index, lesson):
        changed = code_blocks(mutation.text, str(page))
        mutant = next(each for each in changed if each.start == block.start)
        if lessons.printed(mutant, page) == baseline:
            tally.unchanged += 1  # this number does not reach the output: proves nothing
            continue
        tally.inputs += 1
        tally.check(lessons, page, mutation)
        return
    print(f"note: no number in the block at docs/{lesson}:{block.line} changes what it prints")


def runnable(blocks: list[CodeBlock]) -> list[CodeBlock]:
    """The blocks this machine can run: not those needing an optional module it lacks."""
    return [block for block in blocks if missing_module(block) is None]


def check_pages(docs: Path, lessons: Lessons) -> Tally:
    """Change every lesson under ``docs`` in turn, restoring each page after each change."""
    tally = Tally()
    index = 0  # counts shown outputs over all pages, so the kinds of change take turns
    for page in sorted(docs.rglob("*.md")):
        original = page.read_text(encoding="utf-8")
        broken = lessons.page_failures(page)
        if broken:
            lesson = page.relative_to(docs.parent).as_posix()
            raise SystemExit(
                f"{lesson} fails before any change; fix it first:\n" + "\n".join(broken)
            )
        for block in runnable(code_blocks(original, str(page))):
            if block.output is None:
                continue
            lesson = page.relative_to(docs)
            mutation = output_mutation(original, block, index, lesson)
            tally.outputs[mutation.kind] += 1
            tally.check(lessons, page, mutation)
            if block.output_varies:
                where = f"docs/{lesson}:{block.line}"
                print(f"note: {where} prints timings; its inputs stay as they are")
            elif not block.is_snippet and number_tokens(block.source):
                page.write_text(original, encoding="utf-8")
                change_input(lessons, page, lesson, block, index, tally)
            page.write_text(original, encoding="utf-8")
            index += 1
    return tally


def prose_mutations(docs: Path, captions: dict[str, str]) -> tuple[int, int, list[str]]:
    """Move the last digit of every restated number in the prose, and check the changed page.

    The lessons, and each lab run and written out as a page (``lab_page``). Returns how
    many changes were made, how many were skipped, and those not caught. A change is
    skipped when the changed number is itself one that the section's code prints or
    types in: no check that reads the page could tell it from the original.
    """
    total, skipped, survivors = 0, 0, []
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(docs.rglob("*.md"))}
    pages |= {path: lab_page(path) for path in sorted(docs.glob("labs/lab-*.py"))}
    for path, text in pages.items():
        if not code_blocks(text):
            continue  # not a lesson
        page_captions = captions if path.suffix == ".md" else {}
        parts = sections(text)
        for number in prose_numbers(text, page_captions):
            section = [part for part in parts if part.start <= number.at][-1]
            if number.value in section.typed:
                continue  # an input the code types in: exempt, so nothing to prove
            after = _moved_last_digit(number.text)
            if section.founds(next(numbers_in(after))):
                skipped += 1
                continue
            total += 1
            changed_text, changed_captions = text, page_captions
            if number.caption:
                caption = page_captions[number.caption]
                changed_captions = {
                    **page_captions,
                    number.caption: _replaced(caption, number, after),
                }
            else:
                changed_text = _replaced(text, number, after)
            if not unfounded(prose_numbers(changed_text, changed_captions), sections(changed_text)):
                line = number.line if path.suffix == ".md" else file_line(path, text, number.line)
                where = f"docs/{path.relative_to(docs).as_posix()}:{line}"
                survivors.append(f"{where} prose number {number.text!r} -> {after!r}")
    return total, skipped, survivors


def _moved_last_digit(text: str) -> str:
    """The number as written, its last digit moved by one (9 goes down to 8)."""
    position = max(index for index, character in enumerate(text) if character.isdigit())
    digit = int(text[position])
    return text[:position] + str(digit + 1 if digit < 9 else digit - 1) + text[position + 1 :]


def _replaced(text: str, number: Number, after: str) -> str:
    return text[: number.start] + after + text[number.start + len(number.text) :]


def report(tally: Tally, lessons: Lessons) -> int:
    """Print the score and the wall time; return 1 if any change survived."""
    outputs = sum(tally.outputs.values())
    output_survivors = [s for s in tally.survivors if s.kind in OUTPUT_KINDS]
    input_survivors = [s for s in tally.survivors if s.kind not in OUTPUT_KINDS]
    kinds = ", ".join(f"{tally.outputs[kind]} {kind}" for kind in OUTPUT_KINDS)
    print(f"{outputs - len(output_survivors)} of {outputs} output changes caught ({kinds})")
    print(
        f"{tally.inputs - len(input_survivors)} of {tally.inputs} input changes caught "
        "(one number per block with shown output; skipped as proving nothing, since the "
        f"output stayed identical: {tally.unchanged})"
    )
    total = outputs + tally.inputs
    caught = total - len(tally.survivors)
    print(f"mutation score: {100.0 * caught / max(total, 1):.1f}% ({caught} of {total})")
    prose = tally.prose_total - len(tally.prose_survivors)
    print(
        f"prose score: {100.0 * prose / max(tally.prose_total, 1):.1f}% ({prose} of "
        f"{tally.prose_total} numbers in the text that restate a printed result; skipped, as "
        f"the changed number is one the section shows too: {tally.prose_skipped})"
    )
    print(f"{lessons.executions} block runs, wall time {time.perf_counter() - STARTED:.1f} s")
    if total == 0 or tally.prose_total == 0:
        print("FAIL: no shown output or restated number found under docs/: nothing was proved")
        return 1
    for survivor in tally.survivors:
        print(f"NOT CAUGHT: {survivor.describe()}")
    for prose_survivor in tally.prose_survivors:
        print(f"NOT CAUGHT: {prose_survivor}")
    return 1 if tally.survivors or tally.prose_survivors else 0


def main() -> int:
    lessons = Lessons()
    with tempfile.TemporaryDirectory(prefix="mutation-check-") as folder:
        docs = Path(folder, "docs")
        shutil.copytree(ROOT / "docs", docs)
        tally = check_pages(docs, lessons)
        registry = read_registry(docs / REGISTRY)
        captions = {name: str(figure["caption"]) for name, figure in registry.items()}
        tally.prose_total, tally.prose_skipped, tally.prose_survivors = prose_mutations(
            docs, captions
        )
    return report(tally, lessons)


if __name__ == "__main__":
    sys.exit(main())
