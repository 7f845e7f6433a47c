"""The forward and backward passes of a layered network, on one row or a whole batch.

``inputs`` is one row of data (n_inputs,) or a batch (n_rows, n_inputs); every
array below keeps that leading ``n_rows`` axis, or drops it for one row. The
forward pass keeps every value it computes, because the backward pass needs
them all; the backward pass carries the slope of the loss back, layer by layer,
with the chain rule. `updated_network` then takes one gradient-descent step.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessonlib._checks import Numbers, as_floats, as_positive
from lessonlib.activations import SLOPES
from lessonlib.layers import Layer, NetworkLike, as_inputs, as_network

__all__ = ["ForwardPass", "Gradients", "backward", "forward", "slope_sizes", "updated_network"]

Floats = NDArray[np.float64]


class ForwardPass(NamedTuple):
    """Every value computed by `forward`, one list entry per layer."""

    #: The input data: (n_rows, n_inputs).
    inputs: Numbers
    #: Each layer's weighted sums plus bias, before its activation: (n_rows, n_nodes).
    pre_activations: list[Numbers]
    #: Each layer's values after its activation: (n_rows, n_nodes). The last is the output.
    activations: list[Numbers]

    @property
    def output(self) -> Numbers:
        """The network's output: the activations of the last layer."""
        return self.activations[-1]


class Gradients(NamedTuple):
    """Every slope computed by `backward`: how the loss changes with each number."""

    #: Slope of the loss for each weights matrix, same shape: (n_nodes, n_values_coming_in).
    weights: list[Floats]
    #: Slope of the loss for each bias vector: (n_nodes,).
    biases: list[Floats]
    #: Each layer's deltas: the slope of the loss for its pre-activations, (n_rows, n_nodes).
    deltas: list[Floats]


def forward(network: NetworkLike, inputs: ArrayLike) -> ForwardPass:
    """Run the inputs through every layer and keep every value on the way.

    >>> from lessonlib import identity, relu
    >>> network = [([[1, 1], [-1, 1]], [0, 0], relu), ([[2, -1]], [0], identity)]
    >>> values = forward(network, [[2, 3], [3, 1]])
    >>> values.pre_activations[0]  # (n_rows, n_nodes) of the hidden layer
    array([[ 5,  1],
           [ 4, -2]])
    >>> values.output
    array([[9],
           [8]])
    """
    layers = as_network(network)
    data = as_inputs(layers, inputs)  # (n_rows, n_inputs)
    pre_activations: list[Numbers] = []
    activations: list[Numbers] = []
    values = data
    for layer in layers:
        pre_activation = values @ layer.weights.T + layer.bias  # (n_rows, n_nodes)
        values = np.asarray(layer.activation(pre_activation))  # (n_rows, n_nodes)
        pre_activations.append(pre_activation)
        activations.append(values)
    return ForwardPass(data, pre_activations, activations)


def _backward_arguments(
    network: NetworkLike, values: ForwardPass, output_slope: ArrayLike
) -> tuple[list[Layer], Floats]:
    layers = as_network(network)
    if not isinstance(values, ForwardPass):
        raise TypeError(f"values must be what forward() returned, got {type(values).__name__}")
    widths = [value.shape[-1] for value in (values.inputs, *values.activations)]
    if widths != [layers[0].weights.shape[1]] + [len(layer.bias) for layer in layers]:
        raise ValueError("values must be what forward() returned for this network")
    slope = as_floats(output_slope, "output_slope", ndim=(1, 2))
    if slope.shape != values.output.shape:
        raise ValueError(
            f"output_slope must have the shape of the output {values.output.shape}, "
            f"got {slope.shape}"
        )
    return layers, slope


def backward(network: NetworkLike, values: ForwardPass, output_slope: ArrayLike) -> Gradients:
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
    layers, slope = _backward_arguments(network, values, output_slope)  # (n_rows, n_outputs)
    weights: list[Floats] = []
    biases: list[Floats] = []
    deltas: list[Floats] = []
    for index in reversed(range(len(layers))):
        layer = layers[index]
        delta = slope * SLOPES[layer.activation](values.pre_activations[index])  # (n_rows, n_nodes)
        coming_in = values.inputs if index == 0 else values.activations[index - 1]  # (n_rows, n_in)
        weights.insert(0, np.atleast_2d(delta).T @ np.atleast_2d(coming_in))  # (n_nodes, n_in)
        biases.insert(0, np.atleast_2d(delta).sum(axis=0))  # (n_nodes,)
        deltas.insert(0, delta)
        slope = delta @ layer.weights  # (n_rows, n_in): the slope for the layer before
    return Gradients(weights, biases, deltas)


def _update_arguments(
    network: NetworkLike, gradients: Gradients, learning_rate: float, update_biases: bool
) -> tuple[list[Layer], float]:
    layers = as_network(network)
    _from_backward(gradients)
    shapes = [(layer.weights.shape, layer.bias.shape) for layer in layers]
    if [(w.shape, b.shape) for w, b in zip(*gradients[:2], strict=False)] != shapes:
        raise ValueError("gradients must be what backward() returned for this network")
    if not isinstance(update_biases, (bool, np.bool_)):
        raise TypeError(f"update_biases must be True or False, got {type(update_biases).__name__}")
    return layers, as_positive(learning_rate, "learning_rate")


def updated_network(
    network: NetworkLike, gradients: Gradients, learning_rate: float, update_biases: bool = True
) -> list[Layer]:
    """Take one gradient-descent step: each weight minus learning_rate times its slope.

    Returns a new network; the one passed in is left as it was.

    >>> from lessonlib import identity
    >>> network = [([[1.0, 2.0]], [0.5], identity)]
    >>> gradients = backward(network, forward(network, [1, 1]), output_slope=[2.0])
    >>> updated_network(network, gradients, learning_rate=0.1)[0].weights
    array([[0.8, 1.8]])
    """
    layers, rate = _update_arguments(network, gradients, learning_rate, update_biases)
    return [
        layer._replace(
            weights=layer.weights - rate * weight_slope,
            bias=layer.bias - rate * bias_slope if update_biases else layer.bias,
        )
        for layer, weight_slope, bias_slope in zip(
            layers, gradients.weights, gradients.biases, strict=True
        )
    ]


def slope_sizes(gradients: Gradients) -> list[float]:
    """How large each layer's weight slopes are: their root mean square, one number per layer.

    >>> from lessonlib import identity
    >>> network = [([[1.0, 2.0]], [0.0], identity)]
    >>> slope_sizes(backward(network, forward(network, [3, 4]), output_slope=[2.0]))
    [7.0710678118654755]
    """
    weight_slopes = _from_backward(gradients).weights
    return [float(np.sqrt(np.mean(np.square(slopes)))) for slopes in weight_slopes]


def _from_backward(gradients: object) -> Gradients:
    if not isinstance(gradients, Gradients):
        raise TypeError(
            f"gradients must be what backward() returned, got {type(gradients).__name__}"
        )
    return gradients
