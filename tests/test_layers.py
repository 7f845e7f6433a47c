"""Layered networks with biases: forward against chapter 1, backward against central differences."""

import numpy as np
import pytest

from lessonlib import (
    Layer,
    as_network,
    backward,
    forward,
    half_squared_error,
    half_squared_error_slope,
    identity,
    leaky_relu,
    mean_squared_error,
    mean_squared_error_slope,
    numerical_network_gradients,
    predict_batch,
    random_network,
    relu,
    sigmoid,
    softmax_cross_entropy,
    softmax_cross_entropy_slope,
    tanh,
    updated_network,
)

RELU_WEIGHTS = {"node_0": [3, 3], "node_1": [1, 5], "output": [2, -1]}
RELU_NETWORK = [([[3, 3], [1, 5]], [0, 0], relu), ([[2, -1]], [0], relu)]
ROWS = np.array([[3, 5], [2, -1], [0, 0], [8, 4], [-3, -3]])

# The classic worked example (inputs 0.05, 0.10; targets 0.01, 0.99) and the values its
# source prints, to the digits it prints them.
CLASSIC = [
    Layer(np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([0.35, 0.35]), sigmoid),
    Layer(np.array([[0.40, 0.45], [0.50, 0.55]]), np.array([0.60, 0.60]), sigmoid),
]
CLASSIC_INPUTS, CLASSIC_TARGETS = np.array([0.05, 0.10]), np.array([0.01, 0.99])
SOURCE_HIDDEN_WEIGHTS = ["0.149780716", "0.19956143", "0.24975114", "0.29950229"]  # w1 ... w4
SOURCE_OUTPUT_WEIGHTS = ["0.35891648", "0.408666186", "0.511301270", "0.561370121"]  # w5 ... w8


def test_forward_equals_chapter_one_batch_prediction() -> None:
    values = forward(RELU_NETWORK, ROWS)
    assert values.output[:, 0].tolist() == predict_batch(ROWS, RELU_WEIGHTS, relu, relu).tolist()


def test_forward_keeps_every_value_with_the_bias_added() -> None:
    network = [([[1, 1], [-1, 1]], [0.5, -2], relu), ([[2, -1]], [1], identity)]
    values = forward(network, [[2, 3]])
    assert values.pre_activations[0].tolist() == [[5.5, -1.0]]
    assert values.activations[0].tolist() == [[5.5, 0.0]]
    assert values.output.tolist() == [[2 * 5.5 - 0 + 1]]
    assert values.inputs.tolist() == [[2, 3]]  # kept as given, for the backward pass


def test_one_row_gives_the_same_numbers_as_a_batch_of_one() -> None:
    network = random_network([3, 4, 2], np.random.default_rng(1), activation=tanh)
    row = np.array([0.3, -1.2, 2.0])
    single, batch = forward(network, row), forward(network, row[np.newaxis])
    assert single.output.shape == (2,)
    np.testing.assert_allclose(single.output, batch.output[0], rtol=0, atol=1e-15)
    slope = np.array([0.5, -1.0])
    one, many = backward(network, single, slope), backward(network, batch, slope[np.newaxis])
    for a, b in zip(one.weights + one.biases, many.weights + many.biases, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-15)


CASES = [
    (relu, mean_squared_error, mean_squared_error_slope, "values"),
    (tanh, mean_squared_error, mean_squared_error_slope, "values"),
    (sigmoid, half_squared_error, half_squared_error_slope, "values"),
    (identity, half_squared_error, half_squared_error_slope, "values"),
    (tanh, softmax_cross_entropy, softmax_cross_entropy_slope, "labels"),
    (relu, softmax_cross_entropy, softmax_cross_entropy_slope, "labels"),
    (leaky_relu, mean_squared_error, mean_squared_error_slope, "values"),
]


@pytest.mark.parametrize(("activation", "loss", "loss_slope", "kind"), CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_matches_central_differences(activation, loss, loss_slope, kind, seed) -> None:
    rng = np.random.default_rng(seed)
    network = random_network([4, 5, 3, 3], rng, activation=activation)
    network = [layer._replace(bias=rng.normal(size=layer.bias.shape)) for layer in network]
    inputs = rng.normal(size=(6, 4))
    targets = rng.integers(0, 3, size=6) if kind == "labels" else rng.normal(size=(6, 3))
    values = forward(network, inputs)
    gradients = backward(network, values, loss_slope(targets, values.output))
    weights, biases = numerical_network_gradients(network, inputs, targets, loss)
    # The estimate's own rounding error is about 1e-10 (machine epsilon * loss / step), so a
    # slope near 1e-5 agrees to only ~1e-5 relatively; a wrong slope is off by far more.
    # (ReLU has a kink at 0, which random inputs hit with probability 0.)
    for ours, estimated in zip(gradients.weights + gradients.biases, weights + biases, strict=True):
        np.testing.assert_allclose(ours, estimated, rtol=1e-5, atol=1e-9)


def test_backward_returns_every_slope_in_the_shape_of_its_value() -> None:
    network = random_network([4, 5, 3], np.random.default_rng(0))
    values = forward(network, np.ones((7, 4)))
    gradients = backward(network, values, np.ones((7, 3)))
    assert [g.shape for g in gradients.weights] == [(5, 4), (3, 5)]
    assert [g.shape for g in gradients.biases] == [(5,), (3,)]
    assert [g.shape for g in gradients.deltas] == [(7, 5), (7, 3)]


def test_classic_example_total_error_before_the_update() -> None:
    values = forward(CLASSIC, CLASSIC_INPUTS)
    assert round(half_squared_error(CLASSIC_TARGETS, values.output), 9) == 0.298371109


def test_classic_example_weights_after_one_update_match_the_source() -> None:
    values = forward(CLASSIC, CLASSIC_INPUTS)
    slope = half_squared_error_slope(CLASSIC_TARGETS, values.output)
    gradients = backward(CLASSIC, values, slope)
    hidden, output = updated_network(CLASSIC, gradients, 0.5, update_biases=False)
    ours = [*hidden.weights.ravel(), *output.weights.ravel()]
    for value, source in zip(ours, SOURCE_HIDDEN_WEIGHTS + SOURCE_OUTPUT_WEIGHTS, strict=True):
        decimals = len(source.split(".")[1])  # as many digits as the source printed
        assert f"{value:.{decimals}f}" == source
    assert hidden.bias.tolist() == [0.35, 0.35]
    assert output.bias.tolist() == [0.60, 0.60]


def test_updated_network_leaves_the_original_alone() -> None:
    network = as_network(RELU_NETWORK)
    values = forward(network, ROWS[:1])
    gradients = backward(network, values, np.ones((1, 1)))
    new = updated_network(network, gradients, 0.1)
    assert network[0].weights.tolist() == [[3, 3], [1, 5]]
    np.testing.assert_allclose(new[0].weights, network[0].weights - 0.1 * gradients.weights[0])
    np.testing.assert_allclose(new[1].bias, network[1].bias - 0.1 * gradients.biases[1])


def test_random_network_is_reproducible_from_its_generator() -> None:
    first = random_network([8, 6, 2], np.random.default_rng(5))
    again = random_network([8, 6, 2], np.random.default_rng(5))
    other = random_network([8, 6, 2], np.random.default_rng(6))
    assert all(np.array_equal(a.weights, b.weights) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[0].weights, other[0].weights)
    assert [layer.activation for layer in first] == [relu, identity]
    assert all(not layer.bias.any() for layer in first)


@pytest.mark.parametrize(
    ("network", "error", "message"),
    [
        ({"node_0": [1]}, TypeError, "network must be a list of layers"),
        ([], ValueError, "at least one layer"),
        ([([[1, 1]], [0])], TypeError, r"network\[0\] must be a \(weights, bias, activation\)"),
        ([([[1, 1]], [0, 0], relu)], ValueError, r"network\[0\] bias has 2 values"),
        ([([1, 1], [0], relu)], ValueError, r"network\[0\] weights must be a 2-D array"),
        ([([[1, 1]], [0], np.exp)], TypeError, r"network\[0\] activation must be one of"),
        (
            [([[1, 1]], [0], relu), ([[1, 1]], [0], relu)],
            ValueError,
            r"network\[1\] weights take 2 values per row but network\[0\] has 1 nodes",
        ),
        ([([[1, np.nan]], [0], relu)], ValueError, "NaN"),
    ],
)
def test_bad_networks_are_named(network, error, message) -> None:
    with pytest.raises(error, match=message):
        forward(network, [[1, 2]])


def test_inputs_of_the_wrong_width_are_named() -> None:
    with pytest.raises(ValueError, match="inputs has 3 values per row but network"):
        forward(RELU_NETWORK, [[1, 2, 3]])


def test_backward_rejects_a_slope_of_the_wrong_shape() -> None:
    values = forward(RELU_NETWORK, ROWS)
    with pytest.raises(ValueError, match="output_slope must have the shape of the output"):
        backward(RELU_NETWORK, values, np.ones(5))
    with pytest.raises(TypeError, match="values must be what forward"):
        backward(RELU_NETWORK, (ROWS,), np.ones((5, 1)))


def test_backward_and_update_refuse_the_values_of_another_network() -> None:
    other = [([[1.0, 1.0]], [0.0], identity)]
    with pytest.raises(
        ValueError, match=r"values must be what forward\(\) returned for this network"
    ):
        backward(other, forward(RELU_NETWORK, ROWS), np.ones((5, 1)))
    wider = [([[1.0, 1.0, 1.0]], [0.0], identity)]
    values = forward(wider, [[1.0, 2.0, 3.0]])
    gradients = backward(wider, values, np.ones((1, 1)))
    with pytest.raises(ValueError, match=r"gradients must be what backward\(\) returned for this"):
        updated_network(other, gradients, learning_rate=0.1)


def test_random_network_rejects_global_randomness() -> None:
    with pytest.raises(TypeError, match=r"rng must be a numpy\.random\.Generator"):
        random_network([2, 2], 0)


def test_random_network_refuses_fractional_layer_sizes() -> None:
    with pytest.raises(TypeError, match="layer_sizes must be whole numbers"):
        random_network([2.5, 3], np.random.default_rng(0))
