"""Check slopes against an estimate that shares none of their code: central differences.

Nudge one number up and down by a tiny ``step`` and watch the loss:

    slope ≈ (loss(x + step) - loss(x - step)) / (2 · step)

The estimate's error shrinks with step², so a slope found by the chain rule
that is right agrees with it to many digits, and one that is wrong does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessonlib._checks import as_floats, as_number, as_positive, known
from lessonlib.data import checked_data, measured
from lessonlib.layers import NetworkLike, as_network
from lessonlib.losses import LOSS_SLOPES, Loss

__all__ = ["largest_relative_difference", "numerical_gradient", "numerical_network_gradients"]

Floats = NDArray[np.float64]
Slopes = ArrayLike | Sequence[ArrayLike]  # one array, or one per layer


def numerical_gradient(
    function: Callable[[Floats], float], at: ArrayLike, step: float = 1e-6
) -> Floats:
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
    point = as_floats(at, "at", ndim=tuple(range(33)))  # a copy, which the loop nudges
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
    network: NetworkLike, inputs: ArrayLike, targets: ArrayLike, loss: Loss, step: float = 1e-6
) -> tuple[list[Floats], list[Floats]]:
    """Estimate the slope of the loss for every weight and bias of a network.

    Returns the weight slopes and the bias slopes, one array per layer, in the
    same shapes as `backward`'s ``weights`` and ``biases``.

    >>> from lessonlib import identity, mean_squared_error
    >>> network = [([[1.0, 1.0]], [0.0], identity)]
    >>> weights, biases = numerical_network_gradients(network, [[2, 3]], [[4]], mean_squared_error)
    >>> weights[0].round(6), biases[0].round(6)
    (array([[4., 6.]]), array([2.]))
    """
    layers, loss = as_network(network), known(loss, LOSS_SLOPES, "loss")
    data = checked_data(layers, inputs, targets, loss)
    weight_slopes, bias_slopes = [], []
    for index, layer in enumerate(layers):

        def loss_with_weights(weights: Floats, index: int = index) -> float:
            changed = list(layers)
            changed[index] = layers[index]._replace(weights=weights)
            return measured(changed, data, loss)

        def loss_with_bias(bias: Floats, index: int = index) -> float:
            changed = list(layers)
            changed[index] = layers[index]._replace(bias=bias)
            return measured(changed, data, loss)

        weight_slopes.append(numerical_gradient(loss_with_weights, layer.weights, step))
        bias_slopes.append(numerical_gradient(loss_with_bias, layer.bias, step))
    return weight_slopes, bias_slopes


def largest_relative_difference(computed: Slopes, estimated: Slopes) -> float:
    """The largest |computed - estimated| / max(|computed|, |estimated|) over all entries.

    Each may be one array or a list of arrays (e.g. one per layer). Slopes
    smaller than 1e-8 on both sides count as agreeing to that size, so two
    slopes that are both practically zero never give a huge ratio.

    >>> round(largest_relative_difference([[1.0, 2.0], [0.0]], [[1.0, 2.002], [0.0]]), 6)
    0.000999
    """
    ours, theirs = _parts(computed, "computed"), _parts(estimated, "estimated")
    if [part.shape for part in ours] != [part.shape for part in theirs]:
        raise ValueError(
            f"computed has the shapes {[part.shape for part in ours]} but estimated has "
            f"{[part.shape for part in theirs]}; compare the slopes of the same network"
        )
    mine, other = (np.concatenate([part.ravel() for part in parts]) for parts in (ours, theirs))
    scale = np.maximum(np.maximum(np.abs(mine), np.abs(other)), 1e-8)
    return float((np.abs(mine - other) / scale).max())


def _parts(slopes: object, name: str) -> list[Floats]:
    """One array, or a list of arrays (one per layer), as a list of float arrays."""
    if isinstance(slopes, Sequence) and slopes and isinstance(slopes[0], (Sequence, np.ndarray)):
        return [as_floats(part, f"{name}[{i}]", ndim=(0, 1, 2)) for i, part in enumerate(slopes)]
    return [as_floats(slopes, name, ndim=(0, 1, 2))]
