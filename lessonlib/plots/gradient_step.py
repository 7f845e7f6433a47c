"""One step of gradient descent, seen on the loss as a function of one weight."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessonlib._checks import as_count, as_floats, as_positive
from lessonlib.gradients import get_mse, get_slope
from lessonlib.plots._canvas import (
    GREY,
    HIGHLIGHT,
    INK,
    LINE_COLOURS,
    TIMES,
    curve_axes,
    new_figure,
    styled,
)
from lessonlib.plots._text import listed, number_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_loss_against_weight"]

Loss = Callable[[float], float]


def _one_weight_loss(
    input_data: ArrayLike, target: ArrayLike, weights: NDArray[np.float64], index: int
) -> Loss:
    """The mean squared error as a function of ``weights[index]`` alone."""

    def loss(value: float) -> float:
        trial = weights.copy()  # (n_inputs,)
        trial[index] = value
        return get_mse(input_data, target, trial)

    return loss


def _bowl_bottom(loss: Loss, current: float, slope: float) -> float:
    """Where the loss is lowest: it is a parabola in one weight, so three samples tell."""
    curvature = (loss(current + 1) + loss(current - 1) - 2 * loss(current)) / 2
    return current - slope / (2 * curvature) if curvature > 0 else current


def _draw_tangent_and_points(
    axes: Axes, loss: Loss, current: float, updated: float, slope: float, half: float
) -> None:
    """The tangent at the current weight, the current point and the updated one."""
    tangent = np.array([current - half, current + half])  # (2,)
    axes.plot(tangent, loss(current) + slope * (tangent - current), "--", color=GREY, linewidth=1.6)
    axes.plot([current], [loss(current)], "o", color=INK, markersize=8, zorder=3)
    axes.plot([updated], [loss(updated)], "o", color=HIGHLIGHT, markersize=8, zorder=3)


def _annotate_step(
    axes: Axes, loss: Loss, current: float, updated: float, slope: float, step: str
) -> None:
    """An arrow from the current weight to the updated one, with the slope and the step."""
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
    axes.annotate(
        f"step {step}",
        (updated, loss(updated)),
        xytext=(12, -14),
        textcoords="offset points",
        ha="left",
        va="top",
        color=HIGHLIGHT,
    )


@styled
def draw_loss_against_weight(
    input_data: ArrayLike,
    target: ArrayLike,
    weights: ArrayLike,
    weight_index: int = 0,
    learning_rate: float = 0.01,
) -> Figure:
    """Draw the mean squared error as one weight varies, with its tangent and one update step.

    The other weights stay fixed. The tangent's slope is `get_slope` at the current
    weights, and the arrow is the update ``weight - learning_rate * slope``.

    >>> figure = draw_loss_against_weight([1, 2, 3], 0, [0, 2, 1], weight_index=2)
    >>> "slope 42" in [text.get_text() for text in figure.axes[0].texts]
    True
    """
    current_weights = as_floats(weights, "weights", ndim=1)  # (n_inputs,)
    index = as_count(weight_index, "weight_index")
    if index >= len(current_weights):
        raise ValueError(
            f"weight_index must be below {len(current_weights)}, the number of weights"
        )
    learning_rate = as_positive(learning_rate, "learning_rate")
    loss = _one_weight_loss(input_data, target, current_weights, index)
    current = float(current_weights[index])
    slope = float(get_slope(input_data, target, current_weights)[index])
    updated = current - learning_rate * slope
    bottom = _bowl_bottom(loss, current, slope)
    low, high = min(current, updated, bottom), max(current, updated, bottom)
    pad = 0.3 * (high - low) or 1.0
    values = np.linspace(low - pad, high + pad, 201)  # (201,)
    figure = new_figure(6.4, 4.0, layout="constrained")
    name = f"weights[{index}]"
    axes = curve_axes(figure, name, "Mean squared error", f"Mean squared error as {name} changes")
    axes.plot(values, [loss(v) for v in values], color=LINE_COLOURS[0], linewidth=2.2)
    _draw_tangent_and_points(axes, loss, current, updated, slope, 0.22 * (high - low + 2 * pad))
    rate, slope_text = number_text(learning_rate), number_text(slope)
    step = f"{rate} {TIMES} {slope_text} = {number_text(learning_rate * slope)}"
    _annotate_step(axes, loss, current, updated, slope, step)
    others = listed([number_text(w) for i, w in enumerate(current_weights) if i != index] or ["-"])
    figure.set_label(
        f"Curve of the mean squared error as {name} varies, the other weights fixed at {others}: "
        f"a bowl with its bottom at {name} = {number_text(bottom)}. At the current value "
        f"{number_text(current)} the mean squared error is {number_text(loss(current))} and the "
        f"tangent's slope is {slope_text}; the update {number_text(current)} - {rate} {TIMES} "
        f"{slope_text} moves the weight to {number_text(updated)}, where the mean squared error "
        f"is {number_text(loss(updated))}."
    )
    return figure
