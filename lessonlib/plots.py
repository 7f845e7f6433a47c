"""Figures for the lessons, drawn from the very numbers the lessons print.

This is the only module that imports matplotlib, and it does so inside the
functions, so ``import lessonlib`` stays light. Each ``draw_*`` function
builds a `matplotlib.figure.Figure` directly on an Agg canvas: no pyplot, no
global state, never ``show()``. Every drawn value comes from
`network_values`, `get_mse`, `get_slope` or `gradient_descent`, and each
figure carries a sentence saying what it shows, values included, which
`alt_text` reads back. `to_svg` turns the same figure into the same bytes
every time. Activations may be passed as functions or by name (``"tanh"``).
"""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, ParamSpec

import numpy as np

from lessonlib._checks import as_array, as_count, as_number, as_positive
from lessonlib._drawn_values import (
    Diagram,
    activation_named,
    changed_weights,
    function_name,
    highlighted_edges,
    listed,
    network_diagram,
    number_text,
    verdicts,
)
from lessonlib._training_values import digits_run, network_slopes
from lessonlib.activations import Activation, identity
from lessonlib.gradients import get_mse, get_slope, gradient_descent
from lessonlib.network import hidden_layer_names, network_values

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

__all__ = [
    "alt_text",
    "draw_activation",
    "draw_learning_rates",
    "draw_loss_against_weight",
    "draw_loss_history",
    "draw_misread_digits",
    "draw_network",
    "draw_network_slopes",
    "draw_training_losses",
    "draw_weight_change",
    "to_svg",
]

#: Fixed fonts drawn as paths and a fixed id salt: the same figure gives the same SVG bytes.
#: One font weight only, as each glyph used is stored in the SVG: it keeps files small.
STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib
    "font.size": 11,
    "svg.fonttype": "path",  # the reader's fonts never matter
    "svg.hashsalt": "lessonlib",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
TIMES = "\u00d7"  # the multiplication sign
INK, GREY, GRID, HIGHLIGHT = "#1f2933", "#6b7280", "#e5e7eb", "#d55e00"
#: Okabe-Ito colours, told apart by colour-blind readers, dark enough on the white card.
LINE_COLOURS = ["#0072b2", "#009e73", "#d55e00", "#cc79a7"]
NODE_COLOURS = {"input": "#d6e9f8", "hidden": "#fdebc8", "output": "#d3f1e5"}
COLUMN_GAP, ROW_GAP, RADIUS = 2.3, 1.35, 0.32  # inches: diagrams are drawn 1:1
_COORDINATES = re.compile(r'( d="[^"]*"|translate\([^)]*\))')  # paths and placements
_LONG_DECIMALS = re.compile(r"(\d\.\d\d)\d+")  # for coordinates in pt, 1/100 is plenty
_P = ParamSpec("_P")


def _styled(draw: Callable[_P, Figure]) -> Callable[_P, Figure]:
    """Run a drawing function under `STYLE`, leaving matplotlib's settings as they were."""

    @functools.wraps(draw)
    def styled(*args: _P.args, **kwargs: _P.kwargs) -> Figure:
        import matplotlib

        with matplotlib.rc_context(STYLE):
            return draw(*args, **kwargs)

    return styled


def _new_figure(
    width: float, height: float, layout: Literal["constrained"] | None = None
) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), facecolor="white", layout=layout)
    FigureCanvasAgg(figure)
    return figure


def alt_text(figure: Figure) -> str:
    """The sentence saying what a figure from this module shows, values included.

    >>> weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    >>> print(alt_text(draw_network(weights, [2, 3])))
    Network diagram with inputs 2 and 3. Hidden layer 1: node_0 has incoming weights 1 and 1
    and value 5; node_1 has incoming weights -1 and 1 and value 1. Output: incoming weights 2
    and -1, value 9.
    """
    text = str(figure.get_label() or "")
    if not text:
        raise ValueError("figure has no alt text: draw it with a lessonlib.plots function")
    return text


def to_svg(figure: Figure) -> str:
    """The figure as SVG: no date, fixed ids, text as paths, on a white card.

    >>> svg = to_svg(draw_loss_history([1, 2, 3], 0, [0, 2, 1]))
    >>> svg == to_svg(draw_loss_history([1, 2, 3], 0, [0, 2, 1])), "<dc:date>" in svg
    (True, False)
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    # Shorter coordinates keep files small; glyph scales keep every digit.
    return _COORDINATES.sub(lambda m: _LONG_DECIMALS.sub(r"\1", m[0]), buffer.getvalue())


def _draw_edge(
    axes: Axes, start: tuple[float, float], end: tuple[float, float], weight: Any, marked: bool
) -> None:
    from matplotlib.patches import FancyArrowPatch

    colour = HIGHLIGHT if marked else GREY
    gap = RADIUS * 72 + 2  # points: stop at the circles' edges
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=13,
            color=colour,
            shrinkA=gap,
            shrinkB=gap,
            linewidth=3 if marked else 1.3,
        )
    )
    (x0, y0), (x1, y1) = start, end
    place = 0.7  # a weight's label sits near the node it feeds: the weight belongs to that node
    box = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"}
    axes.text(
        x0 + place * (x1 - x0),
        y0 + place * (y1 - y0),
        number_text(weight),
        ha="center",
        va="center",
        color=HIGHLIGHT if marked else INK,
        bbox=box | {"edgecolor": colour} if marked else box,
    )


def _diagram_size(diagram: Diagram, title: bool) -> tuple[float, float]:
    rows = max(len(column) for column in diagram.columns)
    height = (rows - 1) * ROW_GAP + 2 * RADIUS + 0.9 + 0.45 * title  # room for the captions
    return (len(diagram.columns) - 1) * COLUMN_GAP + 1.9, height


def _draw_diagram(
    axes: Axes,
    diagram: Diagram,
    weights: Mapping[str, Any],
    highlight: set[tuple[str, int]],
    title: str = "",
) -> None:
    """Draw nodes, weighted edges and values on axes sized 1:1 in inches by `_diagram_size`."""
    from matplotlib.patches import Circle

    columns = diagram.columns
    width, height = _diagram_size(diagram, bool(title))
    bottom = -(max(len(column) for column in columns) - 1) / 2 * ROW_GAP - RADIUS - 0.45
    axes.set_axis_off()
    axes.set_xlim(-0.95, width - 0.95)
    axes.set_ylim(bottom, bottom + height)
    place = {
        node.name: (c * COLUMN_GAP, ((len(column) - 1) / 2 - j) * ROW_GAP)
        for c, column in enumerate(columns)
        for j, node in enumerate(column)
    }
    for feeding, column in itertools.pairwise(columns):
        for node in column:
            for i, source in enumerate(feeding):
                marked = (node.name, i) in highlight
                _draw_edge(
                    axes, place[source.name], place[node.name], weights[node.name][i], marked
                )
    for column in columns:
        for j, node in enumerate(column):
            x, y = place[node.name]
            axes.add_patch(Circle((x, y), RADIUS, facecolor=NODE_COLOURS[node.kind], edgecolor=INK))
            axes.text(x, y, node.value, ha="center", va="center", fontsize=12, color=INK)
            above = j < (len(column) - 1) / 2  # upper nodes: captions above, clear of the edges
            y_caption = y + RADIUS + 0.1 if above else y - RADIUS - 0.1
            va = "bottom" if above else "top"
            axes.text(x, y_caption, node.caption, ha="center", va=va, fontsize=9.5, color=INK)
    if title:
        axes.text(width / 2 - 0.95, bottom + height - 0.3, title, ha="center", fontsize=12)


@_styled
def draw_network(
    weights: Mapping[str, Any],
    input_data: Any,
    activation: Activation | str = identity,
    output_activation: Activation | str = identity,
    highlight: Iterable[Any] = (),
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
    edges = highlighted_edges(highlight, weights)
    figure = _new_figure(*_diagram_size(diagram, title=False))
    _draw_diagram(figure.add_axes((0, 0, 1, 1)), diagram, weights, edges)
    figure.set_label(diagram.description)
    return figure


@_styled
def draw_weight_change(
    weights_before: Mapping[str, Any],
    weights_after: Mapping[str, Any],
    input_data: Any,
    target: Any,
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
        "Original": (weights_before, network_diagram(input_data, weights_before, *activations)),
        "Changed": (weights_after, network_diagram(input_data, weights_after, *activations)),
    }
    changed = changed_weights(weights_before, weights_after, panels["Original"][1].columns)
    edges = {(name, i) for name, i, _ in changed}
    width, height = _diagram_size(panels["Original"][1], title=True)
    figure = _new_figure(width, 2 * height)
    said = []
    for row, (label, (weights, diagram)) in enumerate(panels.items()):
        prediction, error = diagram.prediction, diagram.prediction - target
        title = f"{label} weights: prediction {number_text(prediction)}, error {number_text(error)}"
        _draw_diagram(figure.add_axes((0, 0.5 - row / 2, 1, 0.5)), diagram, weights, edges, title)
        said.append(f"{title}. {diagram.description}")
    change = listed([sentence for *_, sentence in changed]) if changed else "no weight changes"
    figure.set_label(
        f"Two network diagrams with target {number_text(target)}: {change} (highlighted). "
        + " ".join(said)
    )
    return figure


def _curve_axes(
    figure: Figure, xlabel: str, ylabel: str, title: str, whole_x: bool = False
) -> Axes:
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_title(title, fontsize=12)
    axes.grid(True, color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    if whole_x:  # update counts: no tick at 2.5
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return axes


def _marked_nodes(
    activation: Activation, weights: Mapping[str, Any] | None, input_data: Any
) -> list[tuple[str, float, float]]:
    """Each hidden node as (name, input, output), from `network_values`."""
    if weights is None:
        return []
    values = network_values(input_data, weights, activation)
    marks: list[tuple[str, float, float]] = []
    for names, ins, outs in zip(hidden_layer_names(weights), *values[:2], strict=True):
        marks += zip(names, ins.tolist(), outs.tolist(), strict=True)
    return marks


@_styled
def draw_activation(
    activation: Activation | str,
    weights: Mapping[str, Any] | None = None,
    input_data: Any = None,
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
    name = function_name(function)
    marks = _marked_nodes(function, weights, input_data)
    low, high = (as_number(x, "x_range") for x in x_range)
    low = min([low, *(x - 1 for _, x, _ in marks)])
    high = max([high, *(x + 1 for _, x, _ in marks)])
    inputs = np.linspace(low, high, 241)  # (241,)
    outputs = np.asarray(function(inputs))  # (241,)
    figure = _new_figure(6.4, 3.8, layout="constrained")
    axes = _curve_axes(figure, "node input x", f"{name}(x)", f"The {name} activation")
    axes.axhline(0, color=GREY, linewidth=0.8)
    axes.axvline(0, color=GREY, linewidth=0.8)
    axes.plot(inputs, outputs, color=LINE_COLOURS[0], linewidth=2.2)
    for (node, x, y), colour, marker in zip(
        marks, LINE_COLOURS[2:] * len(marks), "osD^v<>" * 9, strict=False
    ):
        label = f"{node}: {name}({number_text(x)}) = {number_text(y)}"
        axes.plot([x], [y], marker, color=colour, markersize=8, zorder=3, label=label)
    if marks:
        axes.legend(loc="lower right", fontsize=10)  # no activation of ours has its curve there
    said = [f"{node} at input {number_text(x)}, output {number_text(y)}" for node, x, y in marks]
    figure.set_label(
        f"Curve of {name}(x) for x from {number_text(low)} to {number_text(high)}; its output "
        f"runs from {number_text(outputs.min())} to {number_text(outputs.max())}."
        + (f" Marked: {listed(said)}." if said else "")
    )
    return figure


@_styled
def draw_loss_history(
    input_data: Any, target: Any, weights: Any, learning_rate: float = 0.01, n_updates: int = 20
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
    figure = _new_figure(6.4, 3.8, layout="constrained")
    title = f"Loss after each update, learning rate {rate}"
    axes = _curve_axes(figure, "Iterations", "Mean squared error", title, whole_x=True)
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


def _one_weight_loss(
    input_data: Any, target: Any, weights: Any, index: int
) -> Callable[[float], float]:
    """The mean squared error as a function of ``weights[index]`` alone."""

    def loss(value: float) -> float:
        trial = weights.copy()  # (n_inputs,)
        trial[index] = value
        return get_mse(input_data, target, trial)

    return loss


@_styled
def draw_loss_against_weight(
    input_data: Any, target: Any, weights: Any, weight_index: int = 0, learning_rate: float = 0.01
) -> Figure:
    """Draw the mean squared error as one weight varies, with its tangent and one update step.

    The other weights stay fixed. The tangent's slope is `get_slope` at the current
    weights, and the arrow is the update ``weight - learning_rate * slope``.

    >>> figure = draw_loss_against_weight([1, 2, 3], 0, [0, 2, 1], weight_index=2)
    >>> "slope 42" in [text.get_text() for text in figure.axes[0].texts]
    True
    """
    weights = as_array(weights, "weights", ndim=1).astype(float)  # (n_inputs,)
    index = as_count(weight_index, "weight_index")
    if index >= len(weights):
        raise ValueError(f"weight_index must be below {len(weights)}, the number of weights")
    learning_rate = as_positive(learning_rate, "learning_rate")
    loss = _one_weight_loss(input_data, target, weights, index)
    current = float(weights[index])
    slope = float(get_slope(input_data, target, weights)[index])
    updated = current - learning_rate * slope
    # The loss is a parabola in one weight: three samples give its curvature, hence its bottom.
    curvature = (loss(current + 1) + loss(current - 1) - 2 * loss(current)) / 2
    bottom = current - slope / (2 * curvature) if curvature > 0 else current
    low, high = min(current, updated, bottom), max(current, updated, bottom)
    pad = 0.3 * (high - low) or 1.0
    values = np.linspace(low - pad, high + pad, 201)  # (201,)
    figure = _new_figure(6.4, 4.0, layout="constrained")
    name = f"weights[{index}]"
    axes = _curve_axes(figure, name, "Mean squared error", f"Mean squared error as {name} changes")
    axes.plot(values, [loss(v) for v in values], color=LINE_COLOURS[0], linewidth=2.2)
    half = 0.22 * (high - low + 2 * pad)
    tangent = np.array([current - half, current + half])  # (2,)
    axes.plot(tangent, loss(current) + slope * (tangent - current), "--", color=GREY, linewidth=1.6)
    axes.plot([current], [loss(current)], "o", color=INK, markersize=8, zorder=3)
    axes.plot([updated], [loss(updated)], "o", color=HIGHLIGHT, markersize=8, zorder=3)
    arrow = {"arrowstyle": "-|>", "color": HIGHLIGHT, "linewidth": 2, "shrinkA": 6, "shrinkB": 6}
    axes.annotate(
        "",
        (updated, loss(updated)),
        (current, loss(current)),
        arrowprops=arrow | {"connectionstyle": "arc3,rad=0.25"},
    )
    axes.annotate(
        f"slope {number_text(slope)}",
        (current, loss(current)),
        xytext=(10, 0),
        textcoords="offset points",
        va="center",
        color=INK,
    )
    rate, slope_text = number_text(learning_rate), number_text(slope)
    step = f"{rate} {TIMES} {slope_text} = {number_text(learning_rate * slope)}"
    axes.annotate(
        f"step {step}",
        (updated, loss(updated)),
        xytext=(12, -14),
        textcoords="offset points",
        ha="left",
        va="top",
        color=HIGHLIGHT,
    )
    others = listed([number_text(w) for i, w in enumerate(weights) if i != index] or ["-"])
    figure.set_label(
        f"Curve of the mean squared error as {name} varies, the other weights fixed at {others}: "
        f"a bowl with its bottom at {name} = {number_text(bottom)}. At the current value "
        f"{number_text(current)} the mean squared error is {number_text(loss(current))} and the "
        f"tangent's slope is {slope_text}; the update {number_text(current)} - {rate} {TIMES} "
        f"{slope_text} moves the weight to {number_text(updated)}, where the mean squared error "
        f"is {number_text(loss(updated))}."
    )
    return figure


@_styled
def draw_learning_rates(
    input_data: Any,
    target: Any,
    weights: Any,
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
    figure = _new_figure(6.4, 4.0, layout="constrained")
    title = f"Gradient descent with {len(rates)} learning rates"
    axes = _curve_axes(figure, "Iterations", "Mean squared error (log scale)", title, whole_x=True)
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


@_styled
def draw_network_slopes(
    weights: Mapping[str, Any],
    input_data: Any,
    target: Any,
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
    figure = _new_figure(*_diagram_size(diagram, title=True))
    _draw_diagram(figure.add_axes((0, 0, 1, 1)), diagram, slopes, set(), title)
    said = [f"{name}, {listed([number_text(s) for s in node])}" for name, node in slopes.items()]
    figure.set_label(
        f"{diagram.description} The slopes of the squared error (error {error}) for the "
        f"weights into {'; into '.join(said).replace(', ', ' are ', 1)}."
    )
    return figure


def _digits_run(
    seed: int, layer_sizes: Sequence[int], learning_rate: float, batch_size: int, epochs: int
) -> Any:
    sizes = tuple(as_count(size, "layer_sizes", minimum=1) for size in layer_sizes)
    return digits_run(seed, sizes, float(learning_rate), batch_size, epochs)


@_styled
def draw_training_losses(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
) -> Figure:
    """Draw the training and validation loss after each epoch of the digits lesson's run.

    The parameters are the lesson's; the run is the lesson's own steps (needs scikit-learn).

    >>> axes = draw_training_losses(epochs=2).axes[0]
    >>> axes.get_xlabel(), axes.get_legend_handles_labels()[1]
    ('Epoch', ['training rows', 'validation rows'])
    """
    result = _digits_run(seed, layer_sizes, learning_rate, batch_size, epochs).result
    epoch_numbers = np.arange(1, len(result.train_losses) + 1)  # (epochs,)
    figure = _new_figure(6.4, 3.8, layout="constrained")
    title = f"Cross-entropy after each epoch, learning rate {number_text(learning_rate)}"
    axes = _curve_axes(figure, "Epoch", "Cross-entropy loss", title, whole_x=True)
    for losses, colour, marker, label in (
        (result.train_losses, LINE_COLOURS[0], "o-", "training rows"),
        (result.validation_losses, LINE_COLOURS[2], "s-", "validation rows"),
    ):
        axes.plot(epoch_numbers, losses, marker, color=colour, markersize=3.5, label=label)
    axes.legend(loc="upper right", fontsize=10)
    best = int(np.argmin(result.validation_losses))
    train, valid = result.train_losses, result.validation_losses
    figure.set_label(
        f"Line chart of the cross-entropy loss after each of {len(train)} epochs: on the "
        f"training rows from {number_text(train[0])} to {number_text(train[-1])}, on the "
        f"validation rows from {number_text(valid[0])} to {number_text(valid[-1])}, lowest "
        f"({number_text(valid[best])}) after epoch {best + 1}."
    )
    return figure


@_styled
def draw_misread_digits(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
    columns: int = 5,
) -> Figure:
    """Draw every test digit that the digits lesson's network reads wrongly, in a grid.

    The parameters are the lesson's (see `draw_training_losses`); ``columns`` sets the grid.

    >>> figure = draw_misread_digits(epochs=30)
    >>> figure.axes[0].get_title()
    '2 read as 1'
    """
    run = _digits_run(seed, layer_sizes, learning_rate, batch_size, epochs)
    columns = as_count(columns, "columns", minimum=1)
    wrong = np.flatnonzero(run.predicted != run.test_labels)  # (n_wrong,)
    rows = max(1, -(-len(wrong) // columns))
    figure = _new_figure(1.25 * columns, 1.45 * rows, layout="constrained")
    said = []
    for place, index in enumerate(wrong, start=1):
        axes = figure.add_subplot(rows, columns, place)
        axes.imshow(run.test_images[index], cmap="gray_r", vmin=0, vmax=16, interpolation="none")
        label, read = int(run.test_labels[index]), int(run.predicted[index])
        axes.set_title(f"{label} read as {read}", fontsize=10, color=INK)
        axes.set_axis_off()
        said.append(f"{label} read as {read}")
    shown = f": {listed(said)}." if said else "."
    figure.set_label(
        f"Grid of the {len(wrong)} test digits, of {len(run.test_labels)}, that the trained "
        f"network misread, each drawn as its 8 by 8 pixels{shown}"
    )
    return figure
