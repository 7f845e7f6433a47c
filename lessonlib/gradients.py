"""Gradient descent for a linear model: prediction = sum of input * weight.

These are the helpers the source post builds in its optimisation part,
under the post's own names. ``input_data`` is one data point (a 1-D array)
or a batch of them (a 2-D array, one row per point); ``target`` is one
number per point. The loss is the mean squared error of the predictions.
"""

# --8<-- [start:imports]
from __future__ import annotations

from typing import Any, NamedTuple

from numpy.typing import NDArray

from lessonlib._checks import as_array, as_count, as_positive

# --8<-- [end:imports]


class DescentResult(NamedTuple):
    """What `gradient_descent` returns."""

    #: The weights after the last update.
    weights: NDArray[Any]
    #: The mean squared error after each update, one entry per update.
    mse_history: list[float]


# --8<-- [start:helpers]
def _checked(
    input_data: Any, target: Any, weights: Any
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    input_data = as_array(
        input_data, "input_data", ndim=(1, 2)
    )  # (n_inputs,) or (n_rows, n_inputs)
    weights = as_array(weights, "weights", ndim=1)  # (n_inputs,)
    if input_data.shape[-1] != len(weights):
        raise ValueError(
            f"input_data has {input_data.shape[-1]} values per point but weights has "
            f"{len(weights)}; they must be the same length"
        )
    n_points = (1,) if input_data.ndim == 1 else (len(input_data),)
    target = as_array(target, "target", ndim=(0, 1)).reshape(-1)
    if target.shape != n_points:
        raise ValueError(
            f"target must have one value per data point ({n_points[0]}), got {target.size}"
        )
    return input_data, target, weights


def get_error(input_data: Any, target: Any, weights: Any) -> Any:
    """Prediction minus target: positive when the model predicts too much.

    A single point gives a plain number; a batch gives one error per row.

    >>> get_error([1, 2, 3], 0, [0, 2, 1])
    7
    """
    input_data, target, weights = _checked(input_data, target, weights)
    errors = input_data @ weights - target  # () or (n_rows,)
    return errors.item() if input_data.ndim == 1 else errors


def get_slope(input_data: Any, target: Any, weights: Any) -> NDArray[Any]:
    """Slope of the mean squared error with respect to each weight: 2 * input * error.

    For a batch, the slopes of the points are averaged, matching `get_mse`.

    >>> get_slope([1, 2, 3], 0, [0, 2, 1])
    array([14, 28, 42])
    """
    input_data, target, weights = _checked(input_data, target, weights)
    errors = input_data @ weights - target  # () or (n_rows,)
    if input_data.ndim == 1:
        slope: NDArray[Any] = 2 * input_data * errors
    else:
        slope = 2 * input_data.T @ errors / len(input_data)  # (n_inputs,): the mean over rows
    return slope


def get_mse(input_data: Any, target: Any, weights: Any) -> float:
    """Mean squared error of the predictions.

    >>> get_mse([1, 2, 3], 0, [0, 2, 1])
    49.0
    """
    input_data, target, weights = _checked(input_data, target, weights)
    errors = input_data @ weights - target  # () or (n_rows,)
    return float((errors**2).mean())


# --8<-- [end:helpers]


def gradient_descent(
    input_data: Any,
    target: Any,
    weights: Any,
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
    input_data, target, weights = _checked(input_data, target, weights)
    learning_rate = as_positive(learning_rate, "learning_rate")
    n_updates = as_count(n_updates, "n_updates")
    mse_history = []
    for _ in range(n_updates):
        weights = weights - learning_rate * get_slope(input_data, target, weights)
        mse_history.append(get_mse(input_data, target, weights))
    return DescentResult(weights, mse_history)
