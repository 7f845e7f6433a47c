"""Forward propagation through dict networks, and the errors a reader gets for bad input."""

import numpy as np
import pytest

from lessonlib import (
    hidden_layer_names,
    identity,
    network_values,
    predict_batch,
    predict_with_network,
    predict_with_network2,
    relu,
    tanh,
    weighted_sum,
)

WEIGHTS = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
DEEP = {
    "node_0_0": [2, 4],
    "node_0_1": [4, -5],
    "node_1_0": [-1, 1],
    "node_1_1": [2, 2],
    "output": [-3, 7],
}


def test_node_by_node_by_hand() -> None:
    values = network_values([2, 3], {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]})
    assert values.hidden_inputs[0].tolist() == [2 * 1 + 3 * 1, 2 * -1 + 3 * 1]
    assert values.output == 5 * 2 + 1 * -1


def test_tanh_is_applied_to_hidden_nodes_only() -> None:
    values = network_values([2, 3], {"node_0": [1, 1], "node_1": [-1, 1], "output": [2, -1]}, tanh)
    assert values.hidden_outputs[0] == pytest.approx(np.tanh([5, 1]))
    assert values.output == pytest.approx(2 * np.tanh(5) - np.tanh(1))


def test_single_numbers_are_plain_python_numbers() -> None:
    assert type(predict_with_network([3, 5], WEIGHTS)) is int
    assert type(predict_with_network([0.5, 1.0], WEIGHTS)) is float
    assert type(weighted_sum([2, 3], [1, 1])) is int


def test_deep_network_layers_in_order() -> None:
    assert hidden_layer_names(DEEP) == [["node_0_0", "node_0_1"], ["node_1_0", "node_1_1"]]
    values = network_values([3, 5], DEEP, relu)
    assert [layer.tolist() for layer in values.hidden_outputs] == [[26, 0], [0, 52]]
    assert predict_with_network2([3, 5], DEEP) == 364


def test_batch_equals_row_by_row() -> None:
    rows = np.array([[3, 5], [2, -1], [0, 0], [8, 4], [-3, -3]])
    expected = [predict_with_network(row, WEIGHTS) for row in rows]
    assert predict_batch(rows, WEIGHTS, relu, relu).tolist() == expected
    deep = predict_batch(rows, DEEP, relu, output_activation=identity)
    assert deep.tolist() == [predict_with_network2(row, DEEP) for row in rows]


@pytest.mark.parametrize(
    ("row", "weights", "error", "words"),
    [
        ([2, 3, 4], WEIGHTS, ValueError, ["weights['node_0']", "3 values"]),
        ([2, 3], {"node_0": [3, 3], "output": [2, -1]}, KeyError, ["missing 'node_1'"]),
        ([2, 3], {"node_0": [3, 3], "node_1": [1, 5]}, KeyError, ["missing 'output'"]),
        ([2, 3], {**WEIGHTS, "node_3": [1, 1]}, KeyError, ["unexpected key 'node_3'"]),
        ([2, 3], {**WEIGHTS, "Output": [1, 1]}, KeyError, ["unexpected key 'Output'"]),
        ([], WEIGHTS, ValueError, ["input_data_row", "empty"]),
        (["2", "3"], WEIGHTS, TypeError, ["input_data_row", "numbers"]),
        ([2, float("nan")], WEIGHTS, ValueError, ["input_data_row", "NaN"]),
        ([2, float("inf")], WEIGHTS, ValueError, ["input_data_row", "infinity"]),
        (None, WEIGHTS, TypeError, ["input_data_row"]),
        ([[2, 3]], WEIGHTS, ValueError, ["input_data_row", "1-D"]),
        ([2, 3], [[3, 3], [1, 5]], TypeError, ["weights", "dict"]),
        ([2, 3], {**WEIGHTS, "node_1": [1, 5, 7]}, ValueError, ["weights['node_1']"]),
        ([2, 3], {**WEIGHTS, "output": [2, "x"]}, TypeError, ["weights['output']"]),
        ([2, 3], {**WEIGHTS, "output": [2]}, ValueError, ["weights['output']", "2 nodes"]),
        ([2, 3], {**WEIGHTS, "output": [2, np.nan]}, ValueError, ["weights['output']"]),
    ],
)
def test_bad_input_names_the_argument(row, weights, error, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as raised:
        predict_with_network(row, weights)
    for word in words:
        assert word in str(raised.value)


def test_deep_network_missing_node_is_named() -> None:
    weights = {key: value for key, value in DEEP.items() if key != "node_1_1"}
    with pytest.raises(KeyError, match="missing 'node_1_1'"):
        predict_with_network2([3, 5], weights)


def test_activation_must_be_callable() -> None:
    with pytest.raises(TypeError, match="activation"):
        network_values([2, 3], WEIGHTS, activation="relu")  # type: ignore[arg-type]


def test_batch_rejects_a_single_row() -> None:
    with pytest.raises(ValueError, match="input_data must be a 2-D array"):
        predict_batch([3, 5], WEIGHTS)
