"""What a network written as a dict of weights is, and the same network as layers.

The names follow the source post: ``node_0``, ``node_1`` … for a single
hidden layer, ``node_<layer>_<j>`` for several hidden layers, and
``output`` for the output node. Each value is the vector of weights on the
arrows coming into that node.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._checks import Numbers, as_array, as_count, known
from lessonlib.activations import SLOPES, Activation, identity
from lessonlib.layers import Layer

_DEEP_NAME = re.compile(r"node_\d+_\d+")

__all__ = ["as_layers", "hidden_layer_names", "weight_matrices"]

#: A network as a dict: each node's name, and the weights on the arrows coming into it.
WeightsDict: TypeAlias = Mapping[str, ArrayLike]


def hidden_layer_names(weights: WeightsDict) -> list[list[str]]:
    """Group the node names in ``weights`` into hidden layers, first layer first.

    >>> hidden_layer_names({"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]})
    [['node_0', 'node_1']]
    >>> hidden_layer_names({"node_0_0": [2], "node_1_0": [1], "output": [1]})
    [['node_0_0'], ['node_1_0']]
    """
    if not isinstance(weights, Mapping):
        raise TypeError(
            f"weights must be a dict of node names to weight arrays, got {type(weights).__name__}"
        )
    deep = any(_DEEP_NAME.fullmatch(str(key)) for key in weights)  # node_<layer>_<i>
    for key in ("node_0_0" if deep else "node_0", "output"):
        if key not in weights:
            raise KeyError(f"weights is missing {key!r}; every network has it and 'output'")
    layers: list[list[str]] = []
    while not layers or (deep and _node_name(len(layers), 0, deep) in weights):
        names: list[str] = []
        while _node_name(len(layers), len(names), deep) in weights:
            names.append(_node_name(len(layers), len(names), deep))
        layers.append(names)
    known_names = {name for names in layers for name in names} | {"output"}
    for key in weights:
        if key not in known_names:
            raise KeyError(
                f"weights has an unexpected key {key!r}; expected 'output' and nodes named "
                "'node_<i>' or 'node_<layer>_<i>', numbered from 0 without gaps"
            )
    return layers


def _node_name(layer: int, index: int, deep: bool) -> str:
    return f"node_{layer}_{index}" if deep else f"node_{index}"


def weight_matrices(
    weights: WeightsDict, n_inputs: int, *, inputs_name: str = "n_inputs"
) -> list[Numbers]:
    """Stack the weights into one matrix per layer, hidden layers first, output last.

    Row ``j`` of a matrix holds the weights coming into node ``j`` of that layer,
    so each matrix has shape (n_nodes, n_values_coming_in). ``inputs_name`` names
    the input data in the error raised when a first-layer node has the wrong length.

    >>> weight_matrices({"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}, n_inputs=2)
    [array([[ 1,  1],
           [-1,  1]]), array([[ 2, -1]])]
    """
    n_coming_in = as_count(n_inputs, "n_inputs", minimum=1)
    matrices, feeding = [], inputs_name
    for names in [*hidden_layer_names(weights), ["output"]]:
        rows = [as_array(weights[key], f"weights[{key!r}]", ndim=1) for key in names]
        for key, row in zip(names, rows, strict=True):
            _check_width(key, len(row), n_coming_in, feeding)
        matrices.append(np.stack(rows))  # (n_nodes, n_values_coming_in)
        feeding, n_coming_in = names[-1], len(names)
    return matrices


def _check_width(key: str, n_weights: int, n_coming_in: int, feeding: str) -> None:
    """One weight per value coming into node ``key``; ``feeding`` names what feeds it."""
    if n_weights == n_coming_in:
        return
    name = f"weights[{key!r}]"
    if not feeding.startswith("node_"):  # the first layer, fed by the input data
        inputs = (
            f"n_inputs is {n_coming_in}"
            if feeding == "n_inputs"
            else (f"{feeding} has {n_coming_in} values")
        )
        raise ValueError(f"{name} has {n_weights} weights but {inputs}; they must be the same")
    if n_weights > n_coming_in:
        parts = feeding.split("_")  # the last node of the layer before
        missing = "_".join([*parts[:-1], str(n_coming_in)])
        nodes = "node feeds" if n_coming_in == 1 else "nodes feed"
        raise KeyError(
            f"weights is missing {missing!r}: {name} has {n_weights} weights "
            f"but only {n_coming_in} {nodes} it"
        )
    raise ValueError(
        f"{name} has {n_weights} weights but {n_coming_in} nodes feed it; "
        "give one weight per incoming node"
    )


def as_layers(
    weights: WeightsDict,
    n_inputs: int,
    activation: Activation = identity,
    output_activation: Activation = identity,
    inputs_name: str = "n_inputs",
) -> list[Layer]:
    """The same network as a list of `Layer` with zero biases, for `forward`.

    >>> [layer.weights.shape for layer in as_layers({"node_0": [1, 1], "output": [2]}, 2)]
    [(1, 2), (1, 1)]
    """
    hidden = known(activation, SLOPES, "activation")
    output = known(output_activation, SLOPES, "output_activation")
    *hidden_matrices, output_matrix = weight_matrices(weights, n_inputs, inputs_name=inputs_name)
    layers = [Layer(matrix, np.zeros(len(matrix), dtype=int), hidden) for matrix in hidden_matrices]
    return [*layers, Layer(output_matrix, np.zeros(1, dtype=int), output)]
