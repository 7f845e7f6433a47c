"""Forward propagation through networks written as a dict of weights.

The names follow the source post: ``node_0``, ``node_1`` … for a single
hidden layer, ``node_<layer>_<i>`` for several hidden layers, and
``output`` for the output node. Each value is the vector of weights on the
edges coming into that node.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_count, as_weights, require_keys, same_length
from lessonlib.activations import Activation, identity, relu


class NetworkValues(NamedTuple):
    """Every value computed on one forward pass."""

    #: The weighted sum arriving at each node of each hidden layer, before the activation.
    hidden_inputs: list[NDArray[Any]]
    #: The value each hidden node passes on, after the activation.
    hidden_outputs: list[NDArray[Any]]
    #: The weighted sum arriving at the output node.
    output_input: int | float
    #: The network's prediction.
    output: int | float


def hidden_layer_names(weights: Mapping[str, Any]) -> list[list[str]]:
    """Group the node names in ``weights`` into hidden layers, first layer first.

    >>> hidden_layer_names({"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]})
    [['node_0', 'node_1']]
    >>> hidden_layer_names({"node_0_0": [2], "node_1_0": [1], "output": [1]})
    [['node_0_0'], ['node_1_0']]
    """
    as_weights(weights)
    deep = "node_0_0" in weights
    require_keys(weights, ["node_0_0" if deep else "node_0", "output"])
    layers: list[list[str]] = []
    while not layers or (deep and _node_name(len(layers), 0, deep) in weights):
        names: list[str] = []
        while _node_name(len(layers), len(names), deep) in weights:
            names.append(_node_name(len(layers), len(names), deep))
        layers.append(names)
    known = {name for names in layers for name in names} | {"output"}
    for key in weights:
        if key not in known:
            raise KeyError(
                f"weights has an unexpected key {key!r}; expected 'output' and nodes named "
                "'node_<i>' or 'node_<layer>_<i>', numbered from 0 without gaps"
            )
    return layers


def _node_name(layer: int, index: int, deep: bool) -> str:
    return f"node_{layer}_{index}" if deep else f"node_{index}"


def weighted_sum(values: Any, node_weights: Any, name: str = "node_weights") -> int | float:
    """Multiply each value by its weight and add the products: one node's input.

    >>> weighted_sum([2, 3], [1, 1])
    5
    """
    values = as_array(values, "values", ndim=1)
    node_weights = as_array(node_weights, name, ndim=1)
    same_length(node_weights, name, values, "the values coming into it")
    total: int | float = (values * node_weights).sum().item()
    return total


def weight_matrices(
    weights: Mapping[str, Any], n_inputs: int, *, inputs_name: str = "each input row"
) -> list[NDArray[Any]]:
    """Stack the weights into one matrix per layer, hidden layers first, output last.

    Row ``i`` of a matrix holds the weights coming into node ``i`` of that layer,
    so each matrix has shape (n_nodes, n_values_coming_in). ``inputs_name`` names
    the input data in the error raised when a first-layer node has the wrong length.

    >>> weight_matrices({"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}, n_inputs=2)
    [array([[ 1,  1],
           [-1,  1]]), array([[ 2, -1]])]
    """
    n_inputs = as_count(n_inputs, "n_inputs", minimum=1)
    matrices, feeding = [], None
    for names in [*hidden_layer_names(weights), ["output"]]:
        rows = [_node_weights(weights, key, feeding, n_inputs, inputs_name) for key in names]
        matrices.append(np.stack(rows))  # (n_nodes, n_values_coming_in)
        feeding, n_inputs = names, len(names)
    return matrices


def _node_weights(
    weights: Mapping[str, Any],
    key: str,
    feeding: list[str] | None,
    n_coming_in: int,
    inputs_name: str,
) -> NDArray[Any]:
    """One node's weight vector, checked against the number of values coming in."""
    name = f"weights[{key!r}]"
    node_weights = as_array(weights[key], name, ndim=1)
    if len(node_weights) == n_coming_in:
        return node_weights
    if feeding is None:
        raise ValueError(
            f"{name} has {len(node_weights)} weights but {inputs_name} has "
            f"{n_coming_in} values; they must be the same length"
        )
    if len(node_weights) > n_coming_in:
        last = feeding[-1].split("_")
        deep = len(last) == 3
        missing = _node_name(int(last[1]) if deep else 0, n_coming_in, deep)
        raise KeyError(
            f"weights is missing {missing!r}: {name} has {len(node_weights)} weights "
            f"but only {n_coming_in} {'node feeds' if n_coming_in == 1 else 'nodes feed'} it"
        )
    raise ValueError(
        f"{name} has {len(node_weights)} weights but {n_coming_in} nodes feed it; "
        "give one weight per incoming node"
    )


def network_values(
    input_data_row: Any,
    weights: Mapping[str, Any],
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
    values = as_array(input_data_row, "input_data_row", ndim=1)
    _check_activations(activation=activation, output_activation=output_activation)
    *hidden_matrices, output_matrix = weight_matrices(
        weights, n_inputs=len(values), inputs_name="input_data_row"
    )
    hidden_inputs, hidden_outputs = [], []
    for matrix in hidden_matrices:
        node_inputs = matrix @ values  # (n_nodes,)
        values = np.asarray(activation(node_inputs))
        hidden_inputs.append(node_inputs)
        hidden_outputs.append(values)
    output_input = (output_matrix @ values).item()
    output = np.asarray(output_activation(output_input)).item()
    return NetworkValues(hidden_inputs, hidden_outputs, output_input, output)


def _check_activations(**activations: Activation) -> None:
    for name, function in activations.items():
        if not callable(function):
            raise TypeError(
                f"{name} must be a function such as relu or tanh, got {type(function).__name__}"
            )


def predict_with_network(input_data_row: Any, weights: Mapping[str, Any]) -> int | float:
    """Predict one row with a ReLU network, ReLU at the output too (as in the post).

    >>> weights = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> predict_with_network([3, 5], weights)
    20
    """
    return network_values(input_data_row, weights, relu, relu).output


def predict_with_network2(input_data: Any, weights: Mapping[str, Any]) -> int | float:
    """Predict one row with a multi-layer ReLU network and a linear output node.

    Named as in the post, but the weights come in as an argument, not a global.

    >>> weights = {"node_0_0": [2, 4], "node_0_1": [4, -5],
    ...            "node_1_0": [-1, 1], "node_1_1": [2, 2], "output": [-3, 7]}
    >>> predict_with_network2([3, 5], weights)
    364
    """
    return network_values(input_data, weights, relu, identity).output


def predict_batch(
    input_data: Any,
    weights: Mapping[str, Any],
    activation: Activation = relu,
    output_activation: Activation = relu,
) -> NDArray[Any]:
    """Predict every row of ``input_data`` at once with matrix products.

    Gives the same numbers as `network_values` row by row (with ReLU at
    every node by default, like `predict_with_network`).

    >>> weights = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
    >>> predict_batch([[3, 5], [2, -1], [0, 0], [8, 4]], weights)
    array([20,  6,  0, 44])
    """
    values = as_array(input_data, "input_data", ndim=2)  # (n_rows, n_inputs)
    _check_activations(activation=activation, output_activation=output_activation)
    *hidden_matrices, output_matrix = weight_matrices(
        weights, n_inputs=values.shape[1], inputs_name="each row of input_data"
    )
    for matrix in hidden_matrices:
        values = np.asarray(activation(values @ matrix.T))  # (n_rows, n_nodes)
    return np.asarray(output_activation(values @ output_matrix[0]))  # (n_rows,)
