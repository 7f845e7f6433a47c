"""What the figures of `lessonlib.plots` show: values and the sentences that say them.

Everything here comes from the lessons' own functions (`network_values`,
`hidden_layer_names`), so a figure and its alt text can never disagree with
the numbers a lesson prints. No matplotlib here: `lessonlib.plots` draws.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from lessonlib._checks import as_array, as_count, as_weights
from lessonlib.activations import SLOPES, Activation, identity
from lessonlib.network import hidden_layer_names, network_values

ACTIVATIONS = {function.__name__: function for function in SLOPES}


def number_text(value: Any) -> str:
    """A number as drawn: whole numbers as integers, others to 4 significant digits."""
    number = float(value)
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else f"{number:.4g}"


def listed(items: Sequence[str]) -> str:
    """``['a', 'b', 'c']`` as ``'a, b and c'``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def activation_named(value: Activation | str, name: str) -> Activation:
    """An activation given as a function, or by its name such as ``"tanh"``."""
    if isinstance(value, str):
        if value not in ACTIVATIONS:
            raise ValueError(f"{name} must be one of {sorted(ACTIVATIONS)}, got {value!r}")
        return ACTIVATIONS[value]
    if not callable(value):
        raise TypeError(f"{name} must be a function such as relu or a name such as 'relu'")
    return value


def function_name(function: Activation) -> str:
    return getattr(function, "__name__", "f")


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
    description: str  # what the diagram shows, values included
    prediction: int | float


def _formula(activation: Activation, node_input: Any) -> str:
    if activation is identity:
        return ""
    return f"{function_name(activation)}({number_text(node_input)})"


def _weights_said(weights: Mapping[str, Any], name: str) -> str:
    return listed([number_text(weight) for weight in weights[name]])


def network_diagram(
    input_data: Any, weights: Mapping[str, Any], activation: Activation, output: Activation
) -> Diagram:
    """Every node to draw, with its value from `network_values`, and a sentence saying it all."""
    as_weights(weights)
    inputs = as_array(input_data, "input_data", ndim=1)  # (n_inputs,)
    values = network_values(inputs, weights, activation, output)
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
            f"{n.name} has incoming weights {_weights_said(weights, n.name)} and value {n.said}"
            for n in nodes
        ]
        sentences.append(f"Hidden layer {number}: {'; '.join(said)}.")
    formula = _formula(output, values.output_input)
    node = Node("output", number_text(values.output), formula, "output")
    columns.append([node])
    sentences.append(
        f"Output: incoming weights {_weights_said(weights, 'output')}, value {node.said}."
    )
    return Diagram(columns, " ".join(sentences), values.output)


def highlighted_edges(highlight: Iterable[Any], weights: Mapping[str, Any]) -> set[tuple[str, int]]:
    """Check ``highlight``: [node name, incoming index] pairs naming edges of the network."""
    edges = set()
    for edge in highlight:
        if isinstance(edge, str) or len(edge) != 2 or edge[0] not in weights:
            raise ValueError(
                "highlight must list [node name, incoming index] pairs of the network, "
                f"such as [['node_1', 0]], got {edge!r}"
            )
        index = as_count(edge[1], "highlight index")
        if index >= len(weights[edge[0]]):
            raise ValueError(f"highlight index {index} is past the weights of {edge[0]!r}")
        edges.add((str(edge[0]), index))
    return edges


def changed_weights(
    before: Mapping[str, Any], after: Mapping[str, Any], columns: list[list[Node]]
) -> list[tuple[str, int, str]]:
    """The edges whose weight differs, as (node, incoming index, a sentence saying the change)."""
    if set(before) != set(after):
        raise KeyError("weights_before and weights_after must name the same nodes")
    feeding = {node.name: previous for previous, col in itertools.pairwise(columns) for node in col}
    changed = []
    for name, old_weights in before.items():
        # network_diagram has checked both: same names, so the same number of weights
        for i, (old, new) in enumerate(zip(old_weights, after[name], strict=True)):
            if old != new:
                source = feeding[name][i].name
                said = f"{number_text(old)} to {number_text(new)}"
                changed.append(
                    (name, i, f"the weight from {source} into {name} changes from {said}")
                )
    return changed


def verdicts(start: float, finals: Sequence[float]) -> list[str]:
    """Name each learning rate from where its loss ended: diverged, lowest, or slower."""
    settled = [final for final in finals if final <= start]
    return [
        "too large: diverges"
        if final > start
        else "about right"
        if final == min(settled)
        else "too small: slow"
        for final in finals
    ]
