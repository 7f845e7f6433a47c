"""Network diagrams: a network's values, a change of its weights, the slopes on its edges."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from numpy.typing import ArrayLike

from lessonlib._checks import as_number
from lessonlib.activations import Activation, identity
from lessonlib.network import WeightsDict
from lessonlib.plots._canvas import new_figure, styled
from lessonlib.plots._diagram import diagram_size, draw_diagram
from lessonlib.plots._network_values import (
    changed_weights,
    highlighted_edges,
    network_diagram,
    network_slopes,
)
from lessonlib.plots._text import activation_named, listed, number_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["draw_network", "draw_network_slopes", "draw_weight_change"]


@styled
def draw_network(
    weights: WeightsDict,
    input_data: ArrayLike,
    activation: Activation | str = identity,
    output_activation: Activation | str = identity,
    highlight: Iterable[object] = (),
) -> Figure:
    """Draw a network: its inputs, the weights on its edges and each node's value.

    Parameters:
        weights: Weight vectors keyed ``node_0``, ``node_1`` … or ``node_<layer>_<i>``,
            and ``output``, as for `network_values`, which computes every value drawn.
        input_data: One row of input values.
        activation: Applied at every hidden node (a function, or its name).
        output_activation: Applied at the output node.
        highlight: Edges to draw in orange, as [node name, incoming index] pairs.

    >>> weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    >>> figure = draw_network(weights, [2, 3], activation="tanh")
    >>> [text.get_text() for text in figure.axes[0].texts if "=" in text.get_text()]
    ['node_0 = tanh(5)', 'node_1 = tanh(1)']
    """
    activation = activation_named(activation, "activation")
    output = activation_named(output_activation, "output_activation")
    diagram = network_diagram(input_data, weights, activation, output)
    marked = highlighted_edges(highlight, diagram.edges)
    figure = new_figure(*diagram_size(diagram, title=False))
    draw_diagram(figure.add_axes((0, 0, 1, 1)), diagram, diagram.edges, marked)
    figure.set_label(diagram.description)
    return figure


@styled
def draw_weight_change(
    weights_before: WeightsDict,
    weights_after: WeightsDict,
    input_data: ArrayLike,
    target: float,
    activation: Activation | str = "relu",
    output_activation: Activation | str = "relu",
) -> Figure:
    """Draw a network before (top) and after (bottom) a weight change, the change in orange.

    Each panel's title gives the prediction and its error (prediction minus target).
    The activations default to ReLU everywhere, as in `predict_with_network`.

    >>> before = {"node_0": [2, 1], "node_1": [1, 2], "output": [1, 1]}
    >>> after = {"node_0": [2, 1], "node_1": [1, 0], "output": [1, 1]}
    >>> figure = draw_weight_change(before, after, [0, 3], target=3)
    >>> [t.get_text() for axes in figure.axes for t in axes.texts if "error" in t.get_text()]
    ['Original weights: prediction 9, error 6', 'Changed weights: prediction 3, error 0']
    """
    activations = (
        activation_named(activation, "activation"),
        activation_named(output_activation, "output_activation"),
    )
    target = as_number(target, "target")
    panels = {
        "Original": network_diagram(input_data, weights_before, *activations),
        "Changed": network_diagram(input_data, weights_after, *activations),
    }
    changed = changed_weights(panels["Original"], panels["Changed"])
    marked = {(name, i) for name, i, _ in changed}
    width, height = diagram_size(panels["Original"], title=True)
    figure = new_figure(width, 2 * height)
    said = []
    for row, (label, diagram) in enumerate(panels.items()):
        prediction, error = diagram.prediction, diagram.prediction - target
        title = f"{label} weights: prediction {number_text(prediction)}, error {number_text(error)}"
        axes = figure.add_axes((0, 0.5 - row / 2, 1, 0.5))
        draw_diagram(axes, diagram, diagram.edges, marked, title)
        said.append(f"{title}. {diagram.description}")
    change = listed([sentence for *_, sentence in changed]) if changed else "no weight changes"
    figure.set_label(
        f"Two network diagrams with target {number_text(target)}: {change} (highlighted). "
        + " ".join(said)
    )
    return figure


@styled
def draw_network_slopes(
    weights: WeightsDict,
    input_data: ArrayLike,
    target: float,
    activation: Activation | str = "relu",
    output_activation: Activation | str = identity,
) -> Figure:
    """Draw a network after its backward pass: each edge carries the slope for its weight.

    Node values come from the forward pass (`network_values`); each slope comes from
    `backward`, for the squared error of the one data point, so it is drawn only once
    it has been computed.

    Parameters:
        weights: As for `draw_network`.
        input_data: One row of input values.
        target: The data point's target.
        activation: Applied at every hidden node (a function, or its name).
        output_activation: Applied at the output node.

    >>> from lessonlib.plots import alt_text
    >>> weights = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> print(alt_text(draw_network_slopes(weights, [-1, 2], target=1)).split(". ")[-1])
    The slopes of the squared error (error -4) for the weights into node_0 are 16 and -32;
    into node_1, -8 and 16; into output, -24 and -72.
    """
    activation = activation_named(activation, "activation")
    output = activation_named(output_activation, "output_activation")
    diagram = network_diagram(input_data, weights, activation, output)
    target = as_number(target, "target")
    slopes = network_slopes(weights, input_data, target, activation, output)
    error = number_text(diagram.prediction - target)
    title = f"Slope of the loss for each weight (target {number_text(target)}, error {error})"
    figure = new_figure(*diagram_size(diagram, title=True))
    draw_diagram(figure.add_axes((0, 0, 1, 1)), diagram, slopes, set(), title)
    said = [f"{name}, {listed([number_text(s) for s in node])}" for name, node in slopes.items()]
    figure.set_label(
        f"{diagram.description} The slopes of the squared error (error {error}) for the "
        f"weights into {'; into '.join(said).replace(', ', ' are ', 1)}."
    )
    return figure
