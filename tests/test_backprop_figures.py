"""The chapter-3 figures say the same numbers as the lessons that show them.

Each figure is drawn from its declaration in docs/figures.yml, and its alt text is
compared with what the lesson's own code block prints on the page.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from figure_registry import read_registry
from lesson_source import code_blocks

from lessonlib import plots

ROOT = Path(__file__).resolve().parent.parent
DECLARED = read_registry(ROOT / "docs" / "figures.yml")


def printed_by(lesson: str, marker: str) -> str:
    """The output fence, on the lesson page, of the block whose code contains ``marker``."""
    path = ROOT / "docs" / lesson
    for block in code_blocks(path.read_text(encoding="utf-8"), str(path)):
        if marker in block.source and block.output is not None:
            return block.output
    raise AssertionError(f"no block with output in {lesson} contains {marker!r}")


def drawn(name: str) -> str:
    declaration = DECLARED[name]
    return plots.alt_text(getattr(plots, declaration["function"])(**declaration["arguments"]))


def test_slopes_on_the_network_are_the_slopes_the_lesson_prints() -> None:
    page = "backprop/backpropagation-by-hand.md"
    output_slopes = printed_by(page, "2 * error * values.hidden_outputs[0]")
    hidden_slopes = printed_by(page, "np.outer(hidden_deltas, input_data)")
    printed = [
        int(n) for n in re.findall(r"-?\d+", output_slopes + hidden_slopes.split("\n", 1)[1])
    ]
    assert printed == [-24, -72, 16, -32, -8, 16]
    alt = drawn("relu-network-slopes")
    assert "into node_0 are 16 and -32; into node_1, -8 and 16; into output, -24 and -72." in alt
    assert "(error -4)" in alt


def test_the_misread_digits_are_those_the_lesson_lists() -> None:
    output = printed_by("backprop/training-on-digits.md", "train(")
    misread = re.search(r"^misread: (.*)$", output, re.MULTILINE)
    right = re.search(r"\((\d+) of (\d+) right\)", output)
    assert misread is not None
    assert right is not None
    pairs = [pair.replace(" as ", " read as ") for pair in misread[1].split(", ")]
    alt = drawn("digits-misread")
    wrong = int(right[2]) - int(right[1])
    assert f"Grid of the {wrong} test digits, of {right[2]}," in alt
    said = alt.split(": ", 1)[1].rstrip(".").replace(" and ", ", ").split(", ")
    assert said == pairs


def test_the_loss_curves_end_where_the_lesson_says() -> None:
    output = printed_by("backprop/training-on-digits.md", "train(")
    last = re.search(r"epoch 30: training loss ([\d.]+), validation loss ([\d.]+)", output)
    first = re.search(r"epoch  1: training loss ([\d.]+), validation loss ([\d.]+)", output)
    assert last is not None
    assert first is not None
    alt = drawn("digits-losses")
    numbers = [float(n) for n in re.findall(r"from ([\d.]+) to ([\d.]+)", alt)[0]]
    numbers += [float(n) for n in re.findall(r"from ([\d.]+) to ([\d.]+)", alt)[1]]
    train_first, train_last, valid_first, valid_last = numbers
    np.testing.assert_allclose(
        [train_first, train_last, valid_first, valid_last],
        [float(first[1]), float(last[1]), float(first[2]), float(last[2])],
        rtol=0,
        atol=5e-5,  # the page rounds to 4 decimals
    )
