"""Activation functions, each with its slope (derivative) right beside it.

Every function takes one number or an array of numbers. A number in gives
a plain Python number out; an array in gives an array of the same shape.
(The decorator `number_or_array` checks the input and keeps that promise,
so that each function's body is its formula alone.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

# --8<-- [start:imports]
import numpy as np
from numpy.typing import ArrayLike, NDArray

# --8<-- [end:imports]
from lessonlib._checks import as_array, number_or_array

__all__ = [
    "identity",
    "identity_slope",
    "leaky_relu",
    "leaky_relu_slope",
    "relu",
    "relu_slope",
    "sigmoid",
    "sigmoid_slope",
    "softmax",
    "tanh",
    "tanh_slope",
]

#: An activation (or its slope): takes a number or an array, returns the same kind
#: (typed ``Any``, as numpy types what its own functions return).
Activation: TypeAlias = Callable[[ArrayLike], Any]


@number_or_array
def identity(x: ArrayLike) -> ArrayLike:
    """Return the input unchanged: a node with no activation.

    >>> identity(-3)
    -3
    """
    return x


@number_or_array
def identity_slope(x: ArrayLike) -> NDArray[np.float64]:
    """Slope of `identity`: 1 everywhere.

    >>> identity_slope([-2.0, 5.0])
    array([1., 1.])
    """
    return np.ones_like(x, dtype=float)


@number_or_array
# --8<-- [start:relu]
def relu(x: ArrayLike) -> ArrayLike:
    """Rectified linear unit: 0 for a negative input, the input itself otherwise.

    >>> relu(-1)
    0
    >>> relu(9)
    9
    >>> relu([3, -5])
    array([3, 0])
    """
    return np.maximum(x, 0)


# --8<-- [end:relu]
@number_or_array
# --8<-- [start:relu_slope]
def relu_slope(x: ArrayLike) -> NDArray[np.float64]:
    """Slope of `relu`: 1 where the input is positive, else 0 (0 is used at 0 itself).

    >>> relu_slope([-1.0, 0.0, 2.0])
    array([0., 0., 1.])
    """
    return np.greater(x, 0).astype(float)


# --8<-- [end:relu_slope]
# --8<-- [start:leak]
#: How much of a negative input `leaky_relu` lets through.
LEAK = 0.01


# --8<-- [end:leak]
@number_or_array
# --8<-- [start:leaky_relu]
def leaky_relu(x: ArrayLike) -> NDArray[np.float64]:
    """ReLU that leaks: a negative input is multiplied by `LEAK` (0.01) instead of set to 0.

    >>> leaky_relu([-100.0, 3.0])
    array([-1.,  3.])
    """
    return np.where(np.greater(x, 0), x, np.multiply(LEAK, x))


# --8<-- [end:leaky_relu]
@number_or_array
# --8<-- [start:leaky_relu_slope]
def leaky_relu_slope(x: ArrayLike) -> NDArray[np.float64]:
    """Slope of `leaky_relu`: 1 where the input is positive, else `LEAK`, never 0.

    >>> leaky_relu_slope([-2.0, 0.0, 2.0])
    array([0.01, 0.01, 1.  ])
    """
    return np.where(np.greater(x, 0), 1.0, LEAK)


# --8<-- [end:leaky_relu_slope]
@number_or_array
def tanh(x: ArrayLike) -> NDArray[np.float64]:
    """Hyperbolic tangent: squeezes any input into the range -1 to 1.

    >>> tanh(0)
    0.0
    >>> tanh([5, 1])
    array([0.9999092 , 0.76159416])
    """
    return np.tanh(x)


@number_or_array
def tanh_slope(x: ArrayLike) -> NDArray[np.float64]:
    """Slope of `tanh`: 1 - tanh(x)**2.

    >>> tanh_slope(0)
    1.0
    """
    return 1.0 - np.tanh(x) ** 2


@number_or_array
# --8<-- [start:sigmoid]
def sigmoid(x: ArrayLike) -> NDArray[np.float64]:
    """Logistic sigmoid: squeezes any input into the range 0 to 1.

    >>> sigmoid(0)
    0.5
    >>> round(sigmoid(0.3775), 9)
    0.593269992
    """
    # exp of a negative number only, so a large input never overflows
    small = np.exp(-np.abs(x))
    return np.where(np.greater_equal(x, 0), 1 / (1 + small), small / (1 + small))


# --8<-- [end:sigmoid]
@number_or_array
# --8<-- [start:sigmoid_slope]
def sigmoid_slope(x: ArrayLike) -> NDArray[np.float64]:
    """Slope of `sigmoid`: sigmoid(x) * (1 - sigmoid(x)).

    >>> sigmoid_slope(0)
    0.25
    """
    s = sigmoid(x)
    return s * (1 - s)


# --8<-- [end:sigmoid_slope]
def softmax(scores: ArrayLike) -> NDArray[np.float64]:
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
    values = as_array(scores, "scores", ndim=(1, 2))
    shifted = values - values.max(axis=-1, keepdims=True)  # largest is 0: exp never overflows
    exponentials = np.exp(shifted)  # same shape as scores
    probabilities: NDArray[np.float64] = exponentials / exponentials.sum(axis=-1, keepdims=True)
    return probabilities


#: Each activation paired with its slope, for code that needs both.
SLOPES: dict[Activation, Activation] = {
    identity: identity_slope,
    relu: relu_slope,
    leaky_relu: leaky_relu_slope,
    tanh: tanh_slope,
    sigmoid: sigmoid_slope,
}

#: Each activation by its name, as a saved network or a figure declaration names it.
BY_NAME: dict[str, Activation] = {function.__name__: function for function in SLOPES}
