"""Gradient descent for the one-node model of chapter 2: prediction = sum of input * weight.

The names ``get_error``, ``get_slope`` and ``get_mse`` are those of the course
exercise at which the post stops. ``input_data`` is one data point (a 1-D
array) or a batch of them (a 2-D array, one row per point); ``target`` is one
number per point. The loss is the mean squared error of the predictions.
"""

from __future__ import annotations

import math
from typing import NamedTuple

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike, NDArray

# --8<-- [end:imports]
from lessonlib._checks import Numbers, as_array, as_count, as_positive, checked_by

__all__ = ["DescentResult", "get_error", "get_mse", "get_slope", "gradient_descent"]


class DescentResult(NamedTuple):
    """What `gradient_descent` returns."""

    #: The weights after the last update.
    weights: NDArray[np.float64]
    #: The mean squared error after each update, one entry per update.
    mse_history: list[float]


def _linear_model(
    input_data: ArrayLike, target: ArrayLike, weights: ArrayLike
) -> tuple[Numbers, Numbers, Numbers]:
    points = as_array(input_data, "input_data", ndim=(1, 2))  # (n_inputs,) or (n_rows, n_inputs)
    checked_weights = as_array(weights, "weights", ndim=1)  # (n_inputs,)
    if points.shape[-1] != len(checked_weights):
        raise ValueError(
            f"input_data has {points.shape[-1]} values per point but weights has "
            f"{len(checked_weights)}; they must be the same length"
        )
    n_points = 1 if points.ndim == 1 else len(points)
    targets = as_array(target, "target", ndim=(0, 1))  # one number per point
    if targets.size != n_points:
        raise ValueError(
            f"target must have one value per data point ({n_points}), got {targets.size}"
        )
    return points, targets.reshape(points.shape[:-1]), checked_weights


@checked_by(_linear_model)
# --8<-- [start:get_error]
def get_error(input_data: ArrayLike, target: ArrayLike, weights: ArrayLike) -> ArrayLike:
    """Prediction minus target: positive when the model predicts too much.

    A single point gives a plain number; a batch gives one error per row.

    >>> get_error([1, 2, 3], 0, [0, 2, 1])
    7
    """
    predictions = np.dot(input_data, weights)  # one per point
    errors: ArrayLike = predictions - target
    return errors


# --8<-- [end:get_error]
@checked_by(_linear_model)
# --8<-- [start:get_slope]
def get_slope(input_data: ArrayLike, target: ArrayLike, weights: ArrayLike) -> NDArray[np.float64]:
    """Slope of the mean squared error for each weight: the mean of 2 * input * error.

    >>> get_slope([1, 2, 3], 0, [0, 2, 1])
    array([14., 28., 42.])
    """
    errors = get_error(input_data, target, weights)  # one per point
    summed = np.dot(errors, input_data)  # each point's inputs times its error, added up
    slopes: NDArray[np.float64] = 2 * summed / np.size(errors)  # the mean over the points
    return slopes


# --8<-- [end:get_slope]
@checked_by(_linear_model)
# --8<-- [start:get_mse]
def get_mse(input_data: ArrayLike, target: ArrayLike, weights: ArrayLike) -> float:
    """Mean squared error of the predictions.

    >>> get_mse([1, 2, 3], 0, [0, 2, 1])
    49.0
    """
    errors = get_error(input_data, target, weights)  # one per point
    return float(np.mean(np.square(errors)))


# --8<-- [end:get_mse]
def gradient_descent(
    input_data: ArrayLike,
    target: ArrayLike,
    weights: ArrayLike,
    learning_rate: float = 0.01,
    n_updates: int = 20,
) -> DescentResult:
    """Step the weights downhill ``n_updates`` times and record the loss after each step.

    Each update is ``weights - learning_rate * slope``: the slope points uphill,
    so subtracting it moves towards a smaller error.

    >>> result = gradient_descent([1, 2, 3], 0, [0, 2, 1], learning_rate=0.01, n_updates=2)
    >>> [round(mse, 4) for mse in result.mse_history]
    [25.4016, 13.1682]
    """
    points, targets, start = _linear_model(input_data, target, weights)
    rate, n_updates = as_positive(learning_rate, "learning_rate"), as_count(n_updates, "n_updates")
    current, mse_history = start.astype(float), []
    for update in range(1, n_updates + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # a run that blows up is named below
            current = current - rate * get_slope(points, targets, current)
            finite = np.isfinite(current).all()
            mse = get_mse(points, targets, current) if finite else math.inf
        if not math.isfinite(mse):
            raise ValueError(
                f"the mean squared error grew past what a float can hold at update {update}: "
                f"learning_rate={rate} overshoots more at every step; use a smaller learning_rate"
            )
        mse_history.append(mse)
    return DescentResult(current, mse_history)
