"""The chapter-3 figures say the same numbers as the lessons that show them.

Each figure is drawn from its declaration in docs/figures.yml, and its alt text is
compared with what the lesson's own code block prints on the page.
"""

from __future__ import annotations

import re

import numpy as np
from figure_pages import drawn, printed_by


def test_slopes_on_the_network_are_the_slopes_the_lesson_prints() -> None:
    page = "backprop/backpropagation-by-hand.md"
    error = re.search(r"error: (-?\d+)", printed_by(page, 'print("prediction:"'))
    output_slopes = printed_by(page, "2 * error * values.hidden_outputs[0]")
    hidden_slopes = printed_by(page, "np.outer(hidden_deltas, input_data)")
    printed = [int(n) for n in re.findall(r"-?\d+", output_slopes)]
    printed += [int(n) for n in re.findall(r"-?\d+", hidden_slopes.split("\n", 1)[1])]
    alt = drawn("relu-network-slopes")
    said = re.search(
        r"into node_0 are (-?\d+) and (-?\d+); into node_1, (-?\d+) and (-?\d+); "
        r"into output, (-?\d+) and (-?\d+)\.",
        alt,
    )
    assert error is not None
    assert said is not None, alt
    assert len(printed) == 6, f"expected 2 output and 4 hidden slopes, read {printed}"
    hidden_then_output = printed[2:] + printed[:2]  # the alt text names the hidden layer first
    assert [int(n) for n in said.groups()] == hidden_then_output
    assert f"(error {error[1]})" in alt


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
