"""Activation functions, each with its slope (derivative) right beside it.

Every function takes one number or an array of numbers. A number in gives
a plain Python number out; an array in gives an array of the same shape.
"""

# --8<-- [start:imports]
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import numpy as np

from lessonlib._checks import as_values, plain

# --8<-- [end:imports]

Activation: TypeAlias = Callable[[Any], Any]


def identity(x: Any) -> Any:
    """Return the input unchanged: a node with no activation.

    >>> identity(-3)
    -3
    """
    return plain(as_values(x, "x"))


def identity_slope(x: Any) -> Any:
    """Slope of `identity`: 1 everywhere.

    >>> identity_slope([-2.0, 5.0])
    array([1., 1.])
    """
    return plain(np.ones_like(as_values(x, "x"), dtype=float))


# --8<-- [start:relu]
def relu(x: Any) -> Any:
    """Rectified linear unit: 0 for a negative input, the input itself otherwise.

    >>> relu(-1)
    0
    >>> relu(9)
    9
    >>> relu([3, -5])
    array([3, 0])
    """
    x = as_values(x, "x")
    return plain(np.maximum(x, 0))


def relu_slope(x: Any) -> Any:
    """Slope of `relu`: 1 where the input is positive, else 0 (0 is used at 0 itself).

    >>> relu_slope([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    x = as_values(x, "x")
    return plain((x > 0).astype(float))


# --8<-- [end:relu]


def tanh(x: Any) -> Any:
    """Hyperbolic tangent: squeezes any input into the range -1 to 1.

    >>> tanh(0)
    0.0
    >>> tanh([5, 1])
    array([0.9999092 , 0.76159416])
    """
    return plain(np.tanh(as_values(x, "x")))


def tanh_slope(x: Any) -> Any:
    """Slope of `tanh`: 1 - tanh(x)**2.

    >>> tanh_slope(0)
    1.0
    """
    return plain(1.0 - np.tanh(as_values(x, "x")) ** 2)


# --8<-- [start:sigmoid]
def _sigmoid(x: Any) -> Any:
    # exp of a negative number only, so a large input never overflows
    small = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def sigmoid(x: Any) -> Any:
    """Logistic sigmoid: squeezes any input into the range 0 to 1.

    >>> sigmoid(0)
    0.5
    >>> round(sigmoid(0.3775), 9)
    0.593269992
    """
    return plain(_sigmoid(as_values(x, "x")))


def sigmoid_slope(x: Any) -> Any:
    """Slope of `sigmoid`: sigmoid(x) * (1 - sigmoid(x)).

    >>> sigmoid_slope(0)
    0.25
    """
    s = _sigmoid(as_values(x, "x"))
    return plain(s * (1.0 - s))


# --8<-- [end:sigmoid]


def softmax(scores: Any) -> Any:
    """Turn each row of scores into probabilities that are positive and add up to 1.

    Unlike the functions above, softmax mixes the values of a row, so its slope
    is a matrix rather than one number per value. It is used at the output
    together with cross-entropy, whose combined slope is simple: see
    `lessonlib.losses.softmax_cross_entropy_slope`.

    Parameters:
        scores: One row of scores (n_classes,) or a batch (n_rows, n_classes).

    >>> softmax([0.0, 0.0])
    array([0.5, 0.5])
    >>> softmax([[1.0, 1.0, 1.0], [0.0, 0.0, 1000.0]]).round(3)
    array([[0.333, 0.333, 0.333],
           [0.   , 0.   , 1.   ]])
    """
    scores = as_values(scores, "scores")
    if scores.ndim not in (1, 2):
        raise ValueError(
            f"scores must be one row (n_classes,) or a batch (n_rows, n_classes), "
            f"got {scores.ndim}-D shape {scores.shape}"
        )
    shifted = scores - scores.max(axis=-1, keepdims=True)  # largest is 0: exp never overflows
    exponentials = np.exp(shifted)  # same shape as scores
    return exponentials / exponentials.sum(axis=-1, keepdims=True)


#: Each activation paired with its slope, for code that needs both.
SLOPES: dict[Activation, Activation] = {
    identity: identity_slope,
    relu: relu_slope,
    tanh: tanh_slope,
    sigmoid: sigmoid_slope,
}
