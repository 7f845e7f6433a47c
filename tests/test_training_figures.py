"""The figures of the learning-rate, dead-node and vanishing-gradient lessons say what they print.

Each figure is drawn from its declaration in docs/figures.yml; the first and last value
of each curve, as its alt text states them, are compared with what the lesson's own code
block prints on the page, to the precision the page prints.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from figure_pages import drawn, printed_by

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"  # as number_text writes it: 0.07, 1.911e-05


def curve_ends(name: str) -> dict[str, tuple[float, float]]:
    """Each curve of a figure, by its label: the first and last value its alt text states.

    The alt text reads "Line chart ... on the digits. Label: from A to B; label: from C to D."
    """
    curves = drawn(name).split(". ", 1)[1].removesuffix(".").split("; ")
    ends = {}
    for curve in curves:
        label, values = curve.split(": from ")
        first, last = values.split(" to ")
        ends[label.lower()] = (float(first), float(last))
    return ends


def first_and_last(losses_line: str) -> tuple[float, float]:
    losses = [float(value) for value in losses_line.split()]
    return losses[0], losses[-1]


def test_the_reading_of_an_alt_text_finds_every_curve() -> None:
    ends = curve_ends("learning-rate-losses")
    assert list(ends) == ["learning rate 0.01", "learning rate 0.2", "learning rate 1"]


def test_the_learning_rate_curves_are_the_lessons_runs() -> None:
    output = printed_by("training/learning-rate.md", "for learning_rate in (0.01, 0.2, 1.0)")
    printed = re.findall(r"learning rate ([\d.]+): .*\n\s+([\d. ]+)\n", output)
    ends = curve_ends("learning-rate-losses")
    assert len(printed) == len(ends) == 3
    for rate, losses in printed:
        drawn = ends[f"learning rate {float(rate):g}"]
        np.testing.assert_allclose(drawn, first_and_last(losses), rtol=0, atol=0.005)


@pytest.mark.parametrize(
    ("label", "marker"),
    [
        ("relu from biases -1", 'print("dead nodes before:"'),
        ("leaky relu from biases -1", "activation=leaky_relu"),
        ("relu from biases 0", "dead = (forward(network"),
    ],
)
def test_the_dead_node_curves_are_the_lessons_runs(label: str, marker: str) -> None:
    output = printed_by("training/dead-relu-nodes.md", marker)
    losses = re.findall(r"epochs \d+ to \d+: +([\d. ]+)$", output, re.MULTILINE)
    assert len(losses) == 2  # epochs 1 to 10, then 11 to 20
    drawn = curve_ends("dead-node-losses")[label]
    np.testing.assert_allclose(drawn, first_and_last(" ".join(losses)), rtol=0, atol=0.005)


def test_the_slope_sizes_are_the_lessons() -> None:
    output = printed_by("training/vanishing-gradients.md", "slope_sizes(gradients)  # layer 1")
    said_sizes = drawn("slope-sizes")
    for activation in ("sigmoid", "relu"):
        sizes = re.search(rf"{activation}: ([\de.+\- ]+)\n", output)
        said = re.search(rf"{activation} from ({NUMBER}) to ({NUMBER})", said_sizes)
        assert sizes is not None
        assert said is not None
        printed = [float(size) for size in sizes[1].split()]
        np.testing.assert_allclose(
            [float(said[1]), float(said[2])], [printed[0], printed[-1]], rtol=0.06
        )  # the page prints two significant digits
