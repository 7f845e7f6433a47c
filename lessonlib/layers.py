"""What a layered network is: a list of layers, each with weights, biases and an activation.

A network is a list of layers, first hidden layer first, output layer last.
Each layer is a `Layer`: a weights matrix with one row per node (the weights
on the edges coming into that node, as in chapter 1's `weight_matrices`), a
bias vector with one number per node, and an activation from
`lessonlib.activations`. A plain ``(weights, bias, activation)`` tuple works too.
`lessonlib.backprop` runs such a network forward and backward.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_generator
from lessonlib.activations import SLOPES, Activation, identity, relu


class Layer(NamedTuple):
    """One layer: a weights matrix, a bias vector and an activation."""

    #: Row ``i`` holds the weights into node ``i``: shape (n_nodes, n_values_coming_in).
    weights: NDArray[Any]
    #: One number per node, added to its weighted sum: shape (n_nodes,).
    bias: NDArray[Any]
    #: Applied to each node's weighted sum plus bias.
    activation: Activation = identity


def as_network(network: Any) -> list[Layer]:
    """Check a network and return it as a list of `Layer` with float arrays.

    >>> network = as_network([([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)])
    >>> network[1].weights, network[1].bias, network[1].activation.__name__
    (array([[ 2., -1.]]), array([0.]), 'identity')
    """
    if not isinstance(network, Sequence) or isinstance(network, (str, bytes)):
        raise TypeError(
            "network must be a list of layers, each (weights, bias, activation), "
            f"got {type(network).__name__}"
        )
    if len(network) == 0:
        raise ValueError("network must have at least one layer, got an empty list")
    layers: list[Layer] = []
    for index, layer in enumerate(network):
        layers.append(_as_layer(layer, f"network[{index}]"))
        if index and layers[-1].weights.shape[1] != len(layers[-2].bias):
            raise ValueError(
                f"network[{index}] weights take {layers[-1].weights.shape[1]} values per row "
                f"but network[{index - 1}] has {len(layers[-2].bias)} nodes; "
                "give each node one weight per node of the layer before"
            )
    return layers


def _as_layer(layer: Any, name: str) -> Layer:
    if not isinstance(layer, tuple) or len(layer) != 3:
        raise TypeError(f"{name} must be a (weights, bias, activation) triple, got {layer!r:.60}")
    weights = as_array(layer[0], f"{name} weights", ndim=2).astype(float)  # (n_nodes, n_in)
    bias = as_array(layer[1], f"{name} bias", ndim=1).astype(float)  # (n_nodes,)
    if len(bias) != len(weights):
        raise ValueError(
            f"{name} bias has {len(bias)} values but its weights have {len(weights)} rows, "
            "one per node; give one bias per node"
        )
    return Layer(weights, bias, _known_activation(layer[2], f"{name} activation"))


def _known_activation(function: Any, name: str) -> Activation:
    """``function`` if it is an activation with a known slope; else name it in a TypeError."""
    if not any(function is known for known in SLOPES):
        names = ", ".join(known.__name__ for known in SLOPES)
        raise TypeError(f"{name} must be one of {names}, got {function!r:.60}")
    return function  # type: ignore[no-any-return]


def random_network(
    layer_sizes: Sequence[int],
    rng: np.random.Generator,
    activation: Activation = relu,
    output_activation: Activation = identity,
) -> list[Layer]:
    """A network with random weights and zero biases, ready to train.

    Each weight is drawn from a normal distribution with standard deviation
    sqrt(2 / n_values_coming_in) ("He" initialisation, made for ReLU), so the
    values neither vanish nor blow up as they pass through the layers.

    Parameters:
        layer_sizes: Number of inputs, then the number of nodes in each layer.
        rng: The source of randomness, e.g. ``numpy.random.default_rng(0)``.
        activation: Applied at every hidden layer.
        output_activation: Applied at the output layer.

    >>> network = random_network([64, 32, 10], np.random.default_rng(0))
    >>> [layer.weights.shape for layer in network]
    [(32, 64), (10, 32)]
    """
    rng = as_generator(rng)
    _known_activation(activation, "activation")
    _known_activation(output_activation, "output_activation")
    sizes_array = as_array(layer_sizes, "layer_sizes", ndim=1)
    if sizes_array.dtype.kind not in "iu":
        raise TypeError(f"layer_sizes must be whole numbers, got dtype {sizes_array.dtype}")
    sizes = [int(size) for size in sizes_array]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"layer_sizes must be at least two whole numbers ≥ 1, got {sizes}")
    layers = []
    for index, (n_in, n_nodes) in enumerate(itertools.pairwise(sizes)):
        weights = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_nodes, n_in))
        last = index == len(sizes) - 2
        layers.append(Layer(weights, np.zeros(n_nodes), output_activation if last else activation))
    return as_network(layers)
