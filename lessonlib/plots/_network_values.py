"""What a network diagram shows: each node's value, each edge's weight or slope, in words too.

Every value comes from the lessons' own functions: node values from
`network_values`, slopes from `backward` after `forward`. So a diagram and its
alt text can never disagree with the numbers a lesson prints.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._checks import as_array, as_count
from lessonlib.activations import Activation, identity
from lessonlib.backprop import backward, forward
from lessonlib.losses import mean_squared_error_slope
from lessonlib.network import WeightsDict, as_layers, hidden_layer_names
from lessonlib.plots._text import listed, number_text
from lessonlib.predict import network_values

#: Weights, or slopes, keyed and ordered like a dict network: what an edge carries.
EdgeValues = dict[str, list[float]]


class Node(NamedTuple):
    """One node of a network diagram."""

    name: str  # as in the weights dict, or "input <i>"
    value: str  # drawn inside the circle
    formula: str  # how the value was computed, such as "tanh(5)"; empty for a plain sum
    kind: str  # "input", "hidden" or "output"

    @property
    def caption(self) -> str:
        return f"{self.name} = {self.formula}" if self.formula else self.name

    @property
    def said(self) -> str:
        return f"{self.formula} = {self.value}" if self.formula else self.value


class Diagram(NamedTuple):
    """A network ready to draw."""

    columns: list[list[Node]]  # one column per layer, inputs first, output last
    edges: EdgeValues  # the weight on each edge, keyed like the weights dict
    description: str  # what the diagram shows, values included
    prediction: int | float


def _formula(activation: Activation, node_input: object) -> str:
    if activation is identity:
        return ""
    return f"{activation.__name__}({number_text(node_input)})"


def network_diagram(
    input_data: ArrayLike, weights: WeightsDict, activation: Activation, output: Activation
) -> Diagram:
    """Every node to draw, with its value from `network_values`, and a sentence saying it all."""
    inputs = as_array(input_data, "input_data", ndim=1)  # (n_inputs,)
    values = network_values(inputs, weights, activation, output)
    edges = {name: np.ravel(weights[name]).tolist() for name in weights}
    columns = [[Node(f"input {i}", number_text(x), "", "input") for i, x in enumerate(inputs)]]
    sentences = [f"Network diagram with inputs {listed([number_text(x) for x in inputs])}."]
    layers = zip(
        hidden_layer_names(weights), values.hidden_inputs, values.hidden_outputs, strict=True
    )
    for number, (names, node_inputs, node_outputs) in enumerate(layers, start=1):
        nodes = [
            Node(name, number_text(out), _formula(activation, x), "hidden")
            for name, x, out in zip(names, node_inputs, node_outputs, strict=True)
        ]
        columns.append(nodes)
        said = [
            f"{n.name} has incoming weights {_said(edges[n.name])} and value {n.said}"
            for n in nodes
        ]
        sentences.append(f"Hidden layer {number}: {'; '.join(said)}.")
    node = Node(
        "output", number_text(values.output), _formula(output, values.output_input), "output"
    )
    columns.append([node])
    sentences.append(f"Output: incoming weights {_said(edges['output'])}, value {node.said}.")
    return Diagram(columns, edges, " ".join(sentences), values.output)


def _said(numbers: list[float]) -> str:
    return listed([number_text(number) for number in numbers])


def highlighted_edges(highlight: Iterable[object], edges: EdgeValues) -> set[tuple[str, int]]:
    """Check ``highlight``: [node name, incoming index] pairs naming edges of the network."""
    marked = set()
    for edge in highlight:
        if not isinstance(edge, (list, tuple)) or len(edge) != 2 or edge[0] not in edges:
            raise ValueError(
                "highlight must list [node name, incoming index] pairs of the network, "
                f"such as [['node_1', 0]], got {edge!r}"
            )
        index = as_count(edge[1], "highlight index")
        if index >= len(edges[edge[0]]):
            raise ValueError(f"highlight index {index} is past the weights of {edge[0]!r}")
        marked.add((str(edge[0]), index))
    return marked


def changed_weights(before: Diagram, after: Diagram) -> list[tuple[str, int, str]]:
    """The edges whose weight differs, as (node, incoming index, a sentence saying the change)."""
    if set(before.edges) != set(after.edges):
        raise KeyError("weights_before and weights_after must name the same nodes")
    columns = before.columns
    feeding = {node.name: previous for previous, col in itertools.pairwise(columns) for node in col}
    changed = []
    for name, old_weights in before.edges.items():
        # network_diagram has checked both: same names, so the same number of weights
        for i, (old, new) in enumerate(zip(old_weights, after.edges[name], strict=True)):
            if old != new:
                said = f"{number_text(old)} to {number_text(new)}"
                sentence = (
                    f"the weight from {feeding[name][i].name} into {name} changes from {said}"
                )
                changed.append((name, i, sentence))
    return changed


def network_slopes(
    weights: WeightsDict,
    input_data: ArrayLike,
    target: ArrayLike,
    activation: Activation,
    output_activation: Activation,
) -> EdgeValues:
    """The slope of the squared error for every weight, keyed and ordered like ``weights``.

    Found by `backward` after `forward`, with zero biases, for one data point.
    """
    row = as_array(input_data, "input_data", ndim=1)  # (n_inputs,)
    network = as_layers(weights, len(row), activation, output_activation)
    target_row = as_array(target, "target", ndim=(0, 1)).reshape(1)  # (n_outputs,)
    values = forward(network, row)
    gradients = backward(network, values, mean_squared_error_slope(target_row, values.output))
    names = [*hidden_layer_names(weights), ["output"]]
    return {
        name: node_slopes.tolist()
        for layer_names, slopes in zip(names, gradients.weights, strict=True)
        for name, node_slopes in zip(layer_names, slopes, strict=True)
    }
