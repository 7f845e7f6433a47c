"""What a layered network is: a list of layers, each with weights, biases and an activation.

A network is a list of layers, first hidden layer first, output layer last.
Each layer is a `Layer`: a weights matrix with one row per node (the weights
on the arrows coming into that node, as in chapter 1's `weight_matrices`), a
bias vector with one number per node, and an activation from
`lessonlib.activations`. A plain ``(weights, bias, activation)`` triple works too.
`lessonlib.backprop` runs such a network forward and backward.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple, TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._checks import Numbers, as_array, as_generator, known
from lessonlib.activations import SLOPES, Activation, identity, relu

__all__ = ["Layer", "as_network", "random_network"]


class _LayerFields(NamedTuple):
    weights: Numbers
    bias: Numbers
    activation: Activation


class Layer(_LayerFields):
    """One layer: a weights matrix, a bias vector and an activation, checked when it is made.

    ``weights`` has one row per node, holding the weights coming into that node:
    shape (n_nodes, n_values_coming_in). ``bias`` has one number per node: (n_nodes,).
    Everything that uses a layer afterwards trusts it; ``layer._replace(weights=...)``
    makes a copy without checking again.

    >>> Layer([[1, 1], [-1, 1]], [0, 0], relu).weights
    array([[ 1,  1],
           [-1,  1]])
    """

    __slots__ = ()

    def __new__(
        cls, weights: ArrayLike, bias: ArrayLike, activation: Activation = identity
    ) -> Layer:
        checked_weights = as_array(weights, "weights", ndim=2)  # (n_nodes, n_values_coming_in)
        checked_bias = as_array(bias, "bias", ndim=1)  # (n_nodes,)
        if len(checked_bias) != len(checked_weights):
            raise ValueError(
                f"bias has {len(checked_bias)} values but weights has {len(checked_weights)} "
                "rows, one per node; give one bias per node"
            )
        function = known(activation, SLOPES, "activation")
        return super().__new__(cls, checked_weights, checked_bias, function)


#: What `forward` and the others accept as a network: layers, or (weights, bias, activation).
NetworkLike: TypeAlias = Sequence[Layer | tuple[ArrayLike, ArrayLike, Activation]]


def as_network(network: NetworkLike) -> list[Layer]:
    """Check a network and return it as a list of `Layer`; layers already made pass as they are.

    >>> network = as_network([([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)])
    >>> network[1].weights, network[1].bias, network[1].activation.__name__
    (array([[ 2, -1]]), array([0]), 'identity')
    """
    if isinstance(network, Layer):
        raise TypeError("network must be a list of layers, got one Layer; put it in a list")
    if not isinstance(network, Sequence) or isinstance(network, (str, bytes)):
        raise TypeError(
            "network must be a list of layers, each (weights, bias, activation), "
            f"got {type(network).__name__}"
        )
    if len(network) == 0:
        raise ValueError("network must have at least one layer, got an empty list")
    layers = [_as_layer(layer, f"network[{index}]") for index, layer in enumerate(network)]
    for index, (before, layer) in enumerate(itertools.pairwise(layers), start=1):
        if layer.weights.shape[1] != len(before.bias):
            raise ValueError(
                f"network[{index}] weights take {layer.weights.shape[1]} values per row "
                f"but network[{index - 1}] has {len(before.bias)} nodes; "
                "give each node one weight per node of the layer before"
            )
    return layers


def as_inputs(layers: list[Layer], inputs: ArrayLike, name: str = "inputs") -> Numbers:
    """One row (n_inputs,) or a batch (n_rows, n_inputs) with one value per first-layer weight."""
    data = as_array(inputs, name, ndim=(1, 2))
    if data.shape[-1] != layers[0].weights.shape[1]:
        raise ValueError(
            f"{name} has {data.shape[-1]} values per row but network[0] weights take "
            f"{layers[0].weights.shape[1]}; they must be the same"
        )
    return data


def _as_layer(layer: object, name: str) -> Layer:
    if isinstance(layer, Layer):
        return layer
    if not isinstance(layer, tuple) or len(layer) != 3:
        raise TypeError(f"{name} must be a (weights, bias, activation) triple, got {layer!r:.60}")
    try:
        return Layer(*layer)
    except (TypeError, ValueError) as error:
        raise type(error)(f"{name} {error}") from None


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
    activations = (
        known(activation, SLOPES, "activation"),
        known(output_activation, SLOPES, "output_activation"),
    )
    sizes = as_array(layer_sizes, "layer_sizes", ndim=1)
    if sizes.dtype.kind not in "iu":
        raise TypeError(f"layer_sizes must be whole numbers, got dtype {sizes.dtype}")
    if len(sizes) < 2 or sizes.min() < 1:
        raise ValueError(
            f"layer_sizes must be at least two whole numbers ≥ 1, got {sizes.tolist()}"
        )
    pairs = list(itertools.pairwise(sizes.tolist()))
    return [
        Layer(
            rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_nodes, n_in)),  # (n_nodes, n_in)
            np.zeros(n_nodes),
            activations[1] if index == len(pairs) - 1 else activations[0],
        )
        for index, (n_in, n_nodes) in enumerate(pairs)
    ]
