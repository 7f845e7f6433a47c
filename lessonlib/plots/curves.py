"""Line charts: an activation's curve, the loss over the updates, several learning rates."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._checks import as_number, as_positive
from lessonlib.activations import Activation
from lessonlib.gradients import get_mse, gradient_descent
from lessonlib.network import WeightsDict, hidden_layer_names
from lessonlib.plots._canvas import GREY, INK, LINE_COLOURS, curve_axes, new_figure, styled
from lessonlib.plots._text import activation_named, listed, number_text, verdicts
from lessonlib.predict import network_values

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_activation", "draw_learning_rates", "draw_loss_history"]

Mark = tuple[str, float, float]  # a hidden node: (name, input, output)


def _marked_nodes(
    activation: Activation, weights: WeightsDict | None, input_data: ArrayLike | None
) -> list[Mark]:
    """Each hidden node as (name, input, output), from `network_values`."""
    if weights is None:
        return []
    if input_data is None:
        raise TypeError("input_data must be given with weights: one row of input values")
    values = network_values(input_data, weights, activation)
    marks: list[Mark] = []
    for names, ins, outs in zip(hidden_layer_names(weights), *values[:2], strict=True):
        marks += zip(names, ins.tolist(), outs.tolist(), strict=True)
    return marks


def _draw_marks(axes: Axes, marks: list[Mark], name: str) -> None:
    """Mark each hidden node on the curve, with a legend entry saying its input and output."""
    for (node, x, y), colour, marker in zip(
        marks, LINE_COLOURS[2:] * len(marks), "osD^v<>" * 9, strict=False
    ):
        label = f"{node}: {name}({number_text(x)}) = {number_text(y)}"
        axes.plot([x], [y], marker, color=colour, markersize=8, zorder=3, label=label)
    if marks:
        axes.legend(loc="lower right", fontsize=10)  # no activation of ours has its curve there


@styled
def draw_activation(
    activation: Activation | str,
    weights: WeightsDict | None = None,
    input_data: ArrayLike | None = None,
    x_range: Sequence[float] = (-6.0, 6.0),
) -> Figure:
    """Draw an activation function's curve, with a network's hidden nodes marked on it.

    Parameters:
        activation: The function to draw, or its name.
        weights: Optional network (as for `draw_network`) whose hidden nodes are marked
            at their inputs and outputs; needs ``input_data``.
        input_data: One row of input values for that network.
        x_range: The inputs to draw, widened to take in every marked node.

    >>> network = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> figure = draw_activation("relu", network, input_data=[-1, 2])
    >>> figure.axes[0].get_legend_handles_labels()[1]
    ['node_0: relu(3) = 3', 'node_1: relu(9) = 9']
    """
    function = activation_named(activation, "activation")
    name = function.__name__
    marks = _marked_nodes(function, weights, input_data)
    low, high = (as_number(x, "x_range") for x in x_range)
    low = min([low, *(x - 1 for _, x, _ in marks)])
    high = max([high, *(x + 1 for _, x, _ in marks)])
    inputs = np.linspace(low, high, 241)  # (241,)
    outputs = np.asarray(function(inputs))  # (241,)
    figure = new_figure(6.4, 3.8, layout="constrained")
    axes = curve_axes(figure, "node input x", f"{name}(x)", f"The {name} activation")
    axes.axhline(0, color=GREY, linewidth=0.8)
    axes.axvline(0, color=GREY, linewidth=0.8)
    axes.plot(inputs, outputs, color=LINE_COLOURS[0], linewidth=2.2)
    _draw_marks(axes, marks, name)
    said = [f"{node} at input {number_text(x)}, output {number_text(y)}" for node, x, y in marks]
    figure.set_label(
        f"Curve of {name}(x) for x from {number_text(low)} to {number_text(high)}; its output "
        f"runs from {number_text(outputs.min())} to {number_text(outputs.max())}."
        + (f" Marked: {listed(said)}." if said else "")
    )
    return figure


@styled
def draw_loss_history(
    input_data: ArrayLike,
    target: ArrayLike,
    weights: ArrayLike,
    learning_rate: float = 0.01,
    n_updates: int = 20,
) -> Figure:
    """Draw the mean squared error after each update of `gradient_descent`.

    The parameters are those of `gradient_descent`, which computes every point drawn.

    >>> axes = draw_loss_history([1, 2, 3], 0, [0, 2, 1]).axes[0]
    >>> axes.get_xlabel(), axes.get_ylabel()
    ('Iterations', 'Mean squared error')
    """
    history = gradient_descent(input_data, target, weights, learning_rate, n_updates).mse_history
    iterations = np.arange(1, len(history) + 1)  # (n_updates,)
    rate = number_text(learning_rate)
    figure = new_figure(6.4, 3.8, layout="constrained")
    title = f"Loss after each update, learning rate {rate}"
    axes = curve_axes(figure, "Iterations", "Mean squared error", title, whole_x=True)
    axes.plot(iterations, history, "o-", color=LINE_COLOURS[0], linewidth=2, markersize=5)
    for i in (0, len(history) - 1):
        axes.annotate(
            number_text(history[i]),
            (iterations[i], history[i]),
            xytext=(8, 4),
            textcoords="offset points",
            color=INK,
        )
    falls = all(later < earlier for earlier, later in itertools.pairwise(history))
    figure.set_label(
        f"Line chart of the mean squared error after each of {len(history)} updates with "
        f"learning rate {rate}: {number_text(history[0])} after update 1, "
        f"{'falling at every update ' if falls else ''}to {number_text(history[-1])} "
        f"after update {len(history)}."
    )
    return figure


@styled
def draw_learning_rates(
    input_data: ArrayLike,
    target: ArrayLike,
    weights: ArrayLike,
    learning_rates: Sequence[float] = (0.001, 0.01, 0.1),
    n_updates: int = 20,
) -> Figure:
    """Draw the loss over the updates of `gradient_descent` for several learning rates.

    The curves start at update 0, the loss of the starting weights, on a log scale.
    Each is named from its own result: the lowest final loss is "about right", a loss
    that ends above its start "diverges", and the others are "too small".

    >>> figure = draw_learning_rates([1, 2, 3], 0, [0, 2, 1])
    >>> for label in figure.axes[0].get_legend_handles_labels()[1]:
    ...     print(label)
    learning rate 0.001 (too small: slow)
    learning rate 0.01 (about right)
    learning rate 0.1 (too large: diverges)
    """
    rates = [as_positive(rate, "learning_rates") for rate in learning_rates]
    if not 1 <= len(rates) <= len(LINE_COLOURS):
        raise ValueError(f"learning_rates must hold 1 to {len(LINE_COLOURS)} rates")
    start = get_mse(input_data, target, weights)
    histories = [
        [start, *gradient_descent(input_data, target, weights, rate, n_updates).mse_history]
        for rate in rates
    ]  # (n_rates, n_updates + 1)
    names = verdicts(start, [history[-1] for history in histories])
    figure = new_figure(6.4, 4.0, layout="constrained")
    title = f"Gradient descent with {len(rates)} learning rates"
    axes = curve_axes(figure, "Iterations", "Mean squared error (log scale)", title, whole_x=True)
    axes.set_yscale("log")
    said = []
    for colour, rate, verdict, history in zip(LINE_COLOURS, rates, names, histories, strict=False):
        label = f"learning rate {number_text(rate)} ({verdict})"
        axes.plot(history, "o-", color=colour, markersize=3.5, linewidth=2, label=label)
        said.append(f"{number_text(rate)} ({verdict}) ends at {number_text(history[-1])}")
    axes.legend(loc="upper left", fontsize=9.5)
    figure.set_label(
        f"Line chart of the mean squared error on a log scale over {len(histories[0]) - 1} "
        f"updates, starting from {number_text(start)}, for learning rates {listed(said)}."
    )
    return figure
