"""Check slopes against an estimate that shares none of their code: central differences.

Nudge one number up and down by a tiny ``step`` and watch the loss:

    slope ≈ (loss(x + step) - loss(x - step)) / (2 · step)

The estimate's error shrinks with step², so a slope found by the chain rule
that is right agrees with it to many digits, and one that is wrong does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_number, as_positive
from lessonlib.backprop import _forward, forward
from lessonlib.layers import as_network
from lessonlib.losses import Loss, _loss_slope, _suited_targets


def numerical_gradient(
    function: Callable[[NDArray[np.float64]], float], at: Any, step: float = 1e-6
) -> NDArray[np.float64]:
    """Estimate the slope of ``function`` for every entry of ``at`` by central differences.

    Parameters:
        function: Takes an array shaped like ``at`` and returns one number.
        at: Where to find the slopes.
        step: How far each entry is nudged up and down.

    >>> numerical_gradient(lambda x: float((x**2).sum()), [1.0, -3.0]).round(6)
    array([ 2., -6.])
    """
    if not callable(function):
        raise TypeError(f"function must be callable, got {type(function).__name__}")
    point = as_array(at, "at", ndim=tuple(range(33))).astype(float)  # a copy, as floats
    step = as_positive(step, "step")
    slopes = np.zeros_like(point)  # same shape as at
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + step
        above = as_number(function(point.copy()), "function's result")
        point[index] = original - step
        below = as_number(function(point.copy()), "function's result")
        point[index] = original
        slopes[index] = (above - below) / (2 * step)
    return slopes


def numerical_network_gradients(
    network: Any, inputs: Any, targets: Any, loss: Loss, step: float = 1e-6
) -> tuple[list[NDArray[np.float64]], list[NDArray[np.float64]]]:
    """Estimate the slope of the loss for every weight and bias of a network.

    Returns the weight slopes and the bias slopes, one array per layer, in the
    same shapes as `backward`'s ``weights`` and ``biases``.

    >>> from lessonlib import identity, mean_squared_error
    >>> network = [([[1.0, 1.0]], [0.0], identity)]
    >>> weights, biases = numerical_network_gradients(network, [[2, 3]], [[4]], mean_squared_error)
    >>> weights[0].round(6), biases[0].round(6)
    (array([[4., 6.]]), array([2.]))
    """
    layers = as_network(network)
    _loss_slope(loss)  # a TypeError naming loss unless it is one of lessonlib's losses
    values = forward(layers, inputs)  # checks the inputs against the network
    inputs = values.inputs  # (n_rows, n_inputs), as floats
    targets = _suited_targets(targets, values.output, loss, "targets")

    weight_slopes, bias_slopes = [], []
    for index, layer in enumerate(layers):

        def loss_with_weights(weights: NDArray[np.float64], index: int = index) -> float:
            changed = list(layers)
            changed[index] = changed[index]._replace(weights=weights)
            return loss(targets, _forward(changed, inputs).output)

        def loss_with_bias(bias: NDArray[np.float64], index: int = index) -> float:
            changed = list(layers)
            changed[index] = changed[index]._replace(bias=bias)
            return loss(targets, _forward(changed, inputs).output)

        weight_slopes.append(numerical_gradient(loss_with_weights, layer.weights, step))
        bias_slopes.append(numerical_gradient(loss_with_bias, layer.bias, step))
    return weight_slopes, bias_slopes


def largest_relative_difference(computed: Any, estimated: Any) -> float:
    """The largest |computed - estimated| / max(|computed|, |estimated|) over all entries.

    Each may be one array or a list of arrays (e.g. one per layer). Slopes
    smaller than 1e-8 on both sides count as agreeing to that size, so two
    slopes that are both practically zero never give a huge ratio.

    >>> round(largest_relative_difference([[1.0, 2.0], [0.0]], [[1.0, 2.002], [0.0]]), 6)
    0.000999
    """
    computed = _flat(computed, "computed")
    estimated = _flat(estimated, "estimated")
    if computed.shape != estimated.shape:
        raise ValueError(
            f"computed has {computed.size} values but estimated has {estimated.size}; "
            "compare the slopes of the same network"
        )
    scale = np.maximum(np.maximum(np.abs(computed), np.abs(estimated)), 1e-8)
    return float((np.abs(computed - estimated) / scale).max())


def _flat(slopes: Any, name: str) -> NDArray[np.float64]:
    if isinstance(slopes, Sequence) and slopes and isinstance(slopes[0], (Sequence, np.ndarray)):
        parts = [as_array(part, f"{name}[{i}]", ndim=(0, 1, 2)) for i, part in enumerate(slopes)]
        return np.concatenate([part.ravel() for part in parts]).astype(float)
    return as_array(slopes, name, ndim=(0, 1, 2)).ravel().astype(float)
