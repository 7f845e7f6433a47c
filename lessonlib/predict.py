"""Forward propagation through a network written as a dict: one node, one row, many rows.

The network is the dict of `lessonlib.network`; each function here turns it into
layers and runs `lessonlib.forward`, the forward pass that chapter 3 trains.
"""

from __future__ import annotations

from typing import NamedTuple

from numpy.typing import ArrayLike

from lessonlib._checks import Numbers, as_array
from lessonlib.activations import Activation, identity, relu
from lessonlib.backprop import forward
from lessonlib.network import WeightsDict, as_layers

__all__ = [
    "NetworkValues",
    "network_values",
    "predict_batch",
    "predict_with_network",
    "predict_with_network2",
    "weighted_sum",
]


class NetworkValues(NamedTuple):
    """Every value computed on one forward pass."""

    #: The weighted sum arriving at each node of each hidden layer, before the activation.
    hidden_inputs: list[Numbers]
    #: The value each hidden node passes on, after the activation.
    hidden_outputs: list[Numbers]
    #: The weighted sum arriving at the output node.
    output_input: int | float
    #: The network's prediction.
    output: int | float


def _weighted_sum_arguments(
    values: ArrayLike, node_weights: ArrayLike, name: str = "node_weights"
) -> tuple[Numbers, Numbers]:
    values, node_weights = as_array(values, "values", 1), as_array(node_weights, name, 1)
    if len(node_weights) != len(values):
        raise ValueError(
            f"{name} has {len(node_weights)} values but the values coming into it have "
            f"{len(values)}; they must be the same length"
        )
    return values, node_weights


def weighted_sum(
    values: ArrayLike, node_weights: ArrayLike, name: str = "node_weights"
) -> int | float:
    """Multiply each value by its weight and add the products: one node's input.

    >>> weighted_sum([2, 3], [1, 1])
    5
    """
    checked_values, checked_weights = _weighted_sum_arguments(values, node_weights, name)
    total: int | float = (checked_values * checked_weights).sum().item()
    return total


def network_values(
    input_data_row: ArrayLike,
    weights: WeightsDict,
    activation: Activation = identity,
    output_activation: Activation = identity,
) -> NetworkValues:
    """Run one row of data forward through the network and keep every value.

    Parameters:
        input_data_row: The input values, one per input node.
        weights: Weight vectors keyed by node name (see the module docstring).
        activation: Applied at every hidden node.
        output_activation: Applied at the output node.

    >>> weights = {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}
    >>> values = network_values([2, 3], weights)
    >>> values.hidden_outputs[0], values.output
    (array([5, 1]), 9)
    """
    row = as_array(input_data_row, "input_data_row", ndim=1)  # (n_inputs,)
    layers = as_layers(weights, len(row), activation, output_activation, "input_data_row")
    values = forward(layers, row)
    *hidden_inputs, output_input = values.pre_activations
    *hidden_outputs, output = values.activations
    return NetworkValues(hidden_inputs, hidden_outputs, output_input.item(), output.item())


def predict_with_network(input_data_row: ArrayLike, weights: WeightsDict) -> int | float:
    """Predict one row with a ReLU network, ReLU at the output too (as in the post).

    >>> weights = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> predict_with_network([3, 5], weights)
    20
    """
    return network_values(input_data_row, weights, relu, relu).output


def predict_with_network2(input_data_row: ArrayLike, weights: WeightsDict) -> int | float:
    """Predict one row with a multi-layer ReLU network and a linear output node.

    Named as in the post, but the weights come in as an argument, not a global.

    >>> weights = {"node_0_0": [2, 4], "node_0_1": [4, -5],
    ...            "node_1_0": [-1, 1], "node_1_1": [2, 2], "output": [-3, 7]}
    >>> predict_with_network2([3, 5], weights)
    364
    """
    return network_values(input_data_row, weights, relu, identity).output


def predict_batch(
    input_data: ArrayLike,
    weights: WeightsDict,
    activation: Activation = identity,
    output_activation: Activation = identity,
) -> Numbers:
    """Predict every row of ``input_data`` at once with matrix products.

    Gives the same numbers as `network_values` row by row, with the same activations.

    >>> weights = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> predict_batch([[3, 5], [2, -1], [0, 0], [8, 4]], weights, relu, relu)
    array([20,  6,  0, 44])
    """
    rows = as_array(input_data, "input_data", ndim=2)  # (n_rows, n_inputs)
    layers = as_layers(
        weights, rows.shape[1], activation, output_activation, "each row of input_data"
    )
    return forward(layers, rows).output[:, 0]  # (n_rows,)
