"""A layered network with biases, run forward and backward on a whole batch at once.

A network is a list of layers, first hidden layer first, output layer last.
Each layer is a `Layer`: a weights matrix with one row per node (the weights
on the edges coming into that node, as in chapter 1's `weight_matrices`), a
bias vector with one number per node, and an activation from
`lessonlib.activations`. A plain ``(weights, bias, activation)`` tuple works too.

``inputs`` is one row of data (n_inputs,) or a batch (n_rows, n_inputs); every
array below keeps that leading ``n_rows`` axis, or drops it for one row.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_positive
from lessonlib.activations import SLOPES, Activation, identity, relu


class Layer(NamedTuple):
    """One layer: a weights matrix, a bias vector and an activation."""

    #: Row ``i`` holds the weights into node ``i``: shape (n_nodes, n_values_coming_in).
    weights: NDArray[Any]
    #: One number per node, added to its weighted sum: shape (n_nodes,).
    bias: NDArray[Any]
    #: Applied to each node's weighted sum plus bias.
    activation: Activation = identity


class ForwardPass(NamedTuple):
    """Every value computed by `forward`, one list entry per layer."""

    #: The input data, as floats: (n_rows, n_inputs).
    inputs: NDArray[Any]
    #: Each layer's weighted sums plus bias, before its activation: (n_rows, n_nodes).
    pre_activations: list[NDArray[Any]]
    #: Each layer's values after its activation: (n_rows, n_nodes). The last is the output.
    activations: list[NDArray[Any]]

    @property
    def output(self) -> NDArray[Any]:
        """The network's output: the activations of the last layer."""
        return self.activations[-1]


class Gradients(NamedTuple):
    """Every slope computed by `backward`: how the loss changes with each value."""

    #: Slope of the loss for each weights matrix, same shape: (n_nodes, n_values_coming_in).
    weights: list[NDArray[Any]]
    #: Slope of the loss for each bias vector: (n_nodes,).
    biases: list[NDArray[Any]]
    #: Slope of the loss for each layer's pre-activations ("deltas"): (n_rows, n_nodes).
    pre_activations: list[NDArray[Any]]
    #: Slope of the loss for each layer's activations: (n_rows, n_nodes).
    activations: list[NDArray[Any]]


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
    if not any(layer[2] is function for function in SLOPES):
        raise TypeError(f"{name} activation must be one of {_names(SLOPES)}, got {layer[2]!r:.60}")
    return Layer(weights, bias, layer[2])


def _names(functions: dict[Any, Any]) -> str:
    return ", ".join(function.__name__ for function in functions)


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
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator such as numpy.random.default_rng(0), "
            f"got {type(rng).__name__}"
        )
    for name, function in (("activation", activation), ("output_activation", output_activation)):
        if not any(function is known for known in SLOPES):
            raise TypeError(f"{name} must be one of {_names(SLOPES)}, got {function!r:.60}")
    sizes = [int(size) for size in as_array(layer_sizes, "layer_sizes", ndim=1)]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"layer_sizes must be at least two whole numbers ≥ 1, got {sizes}")
    layers = []
    for index, (n_in, n_nodes) in enumerate(itertools.pairwise(sizes)):
        weights = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_nodes, n_in))
        last = index == len(sizes) - 2
        layers.append(Layer(weights, np.zeros(n_nodes), output_activation if last else activation))
    return as_network(layers)


def forward(network: Any, inputs: Any) -> ForwardPass:
    """Run the inputs through every layer and keep every value on the way.

    >>> network = [([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)]
    >>> values = forward(network, [[2, 3], [3, 1]])
    >>> values.pre_activations[0]  # (n_rows, n_nodes) of the hidden layer
    array([[ 5.,  1.],
           [ 4., -2.]])
    >>> values.output
    array([[9.],
           [8.]])
    """
    layers = as_network(network)
    values = as_array(inputs, "inputs", ndim=(1, 2)).astype(float)  # (n_rows, n_inputs)
    if values.shape[-1] != layers[0].weights.shape[1]:
        raise ValueError(
            f"inputs has {values.shape[-1]} values per row but network[0] weights take "
            f"{layers[0].weights.shape[1]}; they must be the same"
        )
    return _forward(layers, values)


def _forward(layers: list[Layer], inputs: NDArray[Any]) -> ForwardPass:
    """`forward` without the checks, for the training loop."""
    pre_activations, activations, values = [], [], inputs
    for layer in layers:
        pre_activation = values @ layer.weights.T + layer.bias  # (n_rows, n_nodes)
        values = np.asarray(layer.activation(pre_activation), dtype=float)  # (n_rows, n_nodes)
        pre_activations.append(pre_activation)
        activations.append(values)
    return ForwardPass(inputs, pre_activations, activations)


def backward(network: Any, values: ForwardPass, output_slope: Any) -> Gradients:
    """Carry the slope of the loss back through every layer with the chain rule.

    Parameters:
        network: The network that `forward` ran.
        values: What `forward` returned.
        output_slope: Slope of the loss for each output value, same shape as
            ``values.output``; e.g. `mean_squared_error_slope` of the targets and outputs.

    >>> network = [([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)]
    >>> values = forward(network, [2, 3])
    >>> backward(network, values, output_slope=[1.0]).weights[0]
    array([[ 4.,  6.],
           [-2., -3.]])
    """
    layers = as_network(network)
    if not isinstance(values, ForwardPass):
        raise TypeError(f"values must be what forward() returned, got {type(values).__name__}")
    slope = as_array(output_slope, "output_slope", ndim=(1, 2)).astype(float)
    if slope.shape != values.output.shape:
        raise ValueError(
            f"output_slope must have the shape of the output {values.output.shape}, "
            f"got {slope.shape}"
        )
    return _backward(layers, values, slope)


def _backward(layers: list[Layer], values: ForwardPass, output_slope: NDArray[Any]) -> Gradients:
    """`backward` without the checks, for the training loop."""
    n_layers = len(layers)
    weights, biases = [np.empty(0)] * n_layers, [np.empty(0)] * n_layers
    deltas, activation_slopes = [np.empty(0)] * n_layers, [np.empty(0)] * n_layers
    slope = output_slope  # (n_rows, n_nodes) of the last layer
    for index in reversed(range(n_layers)):
        layer = layers[index]
        activation_slopes[index] = slope
        delta = slope * SLOPES[layer.activation](values.pre_activations[index])  # (n_rows, n_nodes)
        coming_in = values.inputs if index == 0 else values.activations[index - 1]
        weights[index] = np.atleast_2d(delta).T @ np.atleast_2d(coming_in)  # (n_nodes, n_in)
        biases[index] = np.atleast_2d(delta).sum(axis=0)  # (n_nodes,)
        deltas[index] = delta
        slope = delta @ layer.weights  # (n_rows, n_in): slope for the layer before
    return Gradients(weights, biases, deltas, activation_slopes)


def updated_network(
    network: Any, gradients: Gradients, learning_rate: float, update_biases: bool = True
) -> list[Layer]:
    """Take one gradient-descent step: each weight minus learning_rate times its slope.

    Returns a new network; the one passed in is left as it was.

    >>> network = [([[1.0, 2.0]], [0.5], identity)]
    >>> gradients = backward(network, forward(network, [1, 1]), output_slope=[2.0])
    >>> updated_network(network, gradients, learning_rate=0.1)[0].weights
    array([[0.8, 1.8]])
    """
    layers = as_network(network)
    learning_rate = as_positive(learning_rate, "learning_rate")
    if not isinstance(update_biases, bool):
        raise TypeError(f"update_biases must be True or False, got {type(update_biases).__name__}")
    if not isinstance(gradients, Gradients) or len(gradients.weights) != len(layers):
        raise TypeError("gradients must be what backward() returned for this network")
    return _step(layers, gradients, learning_rate, update_biases)


def _step(
    layers: list[Layer], gradients: Gradients, learning_rate: float, update_biases: bool = True
) -> list[Layer]:
    """`updated_network` without the checks, for the training loop."""
    return [
        Layer(
            layer.weights - learning_rate * weight_slope,
            layer.bias - learning_rate * bias_slope if update_biases else layer.bias,
            layer.activation,
        )
        for layer, weight_slope, bias_slope in zip(
            layers, gradients.weights, gradients.biases, strict=True
        )
    ]
