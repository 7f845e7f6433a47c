"""Chapter 4's figures say the same numbers as the lessons that show them.

Each figure is drawn from its declaration in docs/figures.yml, and its alt text is
compared with what the lesson's own code block prints on the page. The pages print
losses to 4 decimals and the figures to 4 significant digits, hence the tolerances.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from figure_pages import drawn, printed_by

from lessonlib import plots


def test_the_stop_and_the_kept_epoch_are_those_the_lesson_prints() -> None:
    output = printed_by("training/early-stopping.md", "patience=5,")
    stop = re.search(r"stopped after epoch (\d+), kept the network of epoch (\d+)", output)
    kept_loss = re.search(r"validation loss of the network returned: ([\d.]+)", output)
    assert stop is not None
    assert kept_loss is not None
    alt = drawn("early-stopping")
    assert f"each of the {stop[1]} epochs that ran, with patience 5" in alt
    assert f"after epoch {stop[2]}, whose network is kept" in alt
    assert f"the stop after epoch {stop[1]}" in alt
    lowest = re.search(r"the lowest validation loss, ([\d.]+) after epoch", alt)
    assert lowest is not None
    assert float(lowest[1]) == pytest.approx(float(kept_loss[1]), abs=5e-5)


def test_the_capacity_figure_draws_the_lessons_table() -> None:
    output = printed_by("training/model-capacity.md", "def trained(")
    table = re.findall(r"^(\[[\d, ]+\])\s+[\d,]+\s+([\d.]+)\s+([\d.]+)", output, re.MULTILINE)
    assert len(table) == 5
    alt = drawn("capacity")
    drawn_rows = re.findall(r"(\[[\d, ]+\]) training (\d+\.\d+), validation (\d+\.\d+)", alt)
    assert [name for name, _, _ in drawn_rows] == [name for name, _, _ in table]
    np.testing.assert_allclose(
        [[float(t), float(v)] for _, t, v in drawn_rows],
        [[float(t), float(v)] for _, t, v in table],
        rtol=5e-4,  # 4 significant digits in the figure
        atol=5e-5,  # 4 decimals on the page
    )
    assert "The validation loss is lowest for hidden layers [32]." in alt


def test_the_digits_drawn_are_those_the_lesson_prints_with_their_probabilities() -> None:
    output = printed_by("training/using-a-trained-model.md", "softmax(")
    printed = re.findall(r"row +(\d+): label (\d), read as (\d) with probability ([\d.]+)", output)
    assert len(printed) == 4
    alt = drawn("digit-probabilities")
    said = re.findall(
        r"row (\d+) \(label (\d)\) is read as (\d) with probability (\d(?:\.\d+)?)", alt
    )
    assert [row[:3] for row in said] == [row[:3] for row in printed]
    np.testing.assert_allclose(
        [float(row[3]) for row in said], [float(row[3]) for row in printed], atol=5e-4
    )


def test_the_layer_shapes_are_those_pytorch_prints() -> None:
    output = printed_by("training/pytorch.md", "named_parameters()")
    printed = re.findall(r"^\d\.(?:weight|bias): (\([\d, ]*\))", output, re.MULTILINE)
    assert len(printed) == 6
    alt = drawn("layer-shapes")
    pytorch = re.findall(r"nn\.Linear\(\d+, \d+\), weight (\(.*?\)), bias (\(.*?\))", alt)
    ours = re.findall(r"Layer, weights (\(.*?\)), bias (\(.*?\))", alt)
    assert [shape for pair in pytorch for shape in pair] == printed
    assert ours == pytorch  # one row per node in both libraries


@pytest.mark.parametrize(
    ("draw", "arguments", "message"),
    [
        ("draw_early_stopping", {"patience": 0}, "patience must be at least 1"),
        ("draw_capacity", {"hidden_layers": []}, "hidden_layers must list 1 to 8 networks"),
        ("draw_capacity", {"hidden_layers": [[0]]}, "layer_sizes must be at least 1"),
        ("draw_digit_probabilities", {"least_sure": 9}, "least_sure must be at most five"),
        ("draw_layer_shapes", {"layer_sizes": [64]}, "layer_sizes must hold 2 to 6 sizes"),
        ("draw_layer_shapes", {"activation": "softmax"}, "activation must be one of"),
    ],
)
def test_bad_input_is_named(draw: str, arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        getattr(plots, draw)(**arguments)
