"""The forward and backward passes of a layered network, on one row or a whole batch.

``inputs`` is one row of data (n_inputs,) or a batch (n_rows, n_inputs); every
array below keeps that leading ``n_rows`` axis, or drops it for one row. The
forward pass keeps every value it computes, because the backward pass needs
them all; the backward pass carries the slope of the loss back, layer by layer,
with the chain rule. `updated_network` then takes one gradient-descent step.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_positive
from lessonlib.activations import SLOPES
from lessonlib.layers import Layer, as_network


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


def forward(network: Any, inputs: Any) -> ForwardPass:
    """Run the inputs through every layer and keep every value on the way.

    >>> from lessonlib import identity, relu
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

    >>> from lessonlib import identity, relu
    >>> network = [([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)]
    >>> values = forward(network, [2, 3])
    >>> backward(network, values, output_slope=[1.0]).weights[0]
    array([[ 4.,  6.],
           [-2., -3.]])
    """
    layers = as_network(network)
    if not isinstance(values, ForwardPass):
        raise TypeError(f"values must be what forward() returned, got {type(values).__name__}")
    widths = [value.shape[-1] for value in (values.inputs, *values.activations)]
    if widths != [layers[0].weights.shape[1]] + [len(layer.bias) for layer in layers]:
        raise ValueError("values must be what forward() returned for this network")
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

    >>> from lessonlib import identity
    >>> network = [([[1.0, 2.0]], [0.5], identity)]
    >>> gradients = backward(network, forward(network, [1, 1]), output_slope=[2.0])
    >>> updated_network(network, gradients, learning_rate=0.1)[0].weights
    array([[0.8, 1.8]])
    """
    layers = as_network(network)
    learning_rate = as_positive(learning_rate, "learning_rate")
    if not isinstance(update_biases, bool):
        raise TypeError(f"update_biases must be True or False, got {type(update_biases).__name__}")
    if not isinstance(gradients, Gradients):
        raise TypeError(
            f"gradients must be what backward() returned, got {type(gradients).__name__}"
        )
    shapes = [(layer.weights.shape, layer.bias.shape) for layer in layers]
    if [(w.shape, b.shape) for w, b in zip(*gradients[:2], strict=False)] != shapes:
        raise ValueError("gradients must be what backward() returned for this network")
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
