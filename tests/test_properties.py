"""Mathematical properties of lessonlib, checked on inputs nobody typed by hand.

Hypothesis draws the inputs. Under CI (``CI`` set) the ``ci`` profile is
loaded: derandomized, so every run draws the same examples, and 200
examples per property. Elsewhere the ``dev`` profile draws new examples on
each run. Choose one with ``HYPOTHESIS_PROFILE=ci`` or ``=dev``.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lessonlib import (
    forward,
    get_mse,
    get_slope,
    gradient_descent,
    identity,
    mean_squared_error,
    network_values,
    predict_batch,
    predict_with_network,
    predict_with_network2,
    random_network,
    relu,
    sigmoid,
    tanh,
    train,
)

settings.register_profile(
    "ci",
    derandomize=True,  # the same examples on every run: a red CI can be reproduced
    database=None,
    max_examples=200,
    deadline=None,  # shared 2-core machines are too noisy for per-example timing
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# Finite, normal floats of moderate size: the values a lesson works with.
FLOATS = st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False)
SMALL_FLOATS = st.floats(-10, 10, allow_nan=False, allow_subnormal=False)
INTEGERS = st.integers(-1000, 1000)
NUMBERS = INTEGERS | FLOATS
SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, max_side=5)
FLOAT_ARRAYS = hnp.arrays(np.float64, SHAPES, elements=FLOATS)
INT_ARRAYS = hnp.arrays(np.int64, SHAPES, elements=INTEGERS)
ARRAYS = FLOAT_ARRAYS | INT_ARRAYS
# Either 0 or at least 1e-6 in size: the square of any difference of two such
# values is a normal float, never 0, so "zero only on equal inputs" is exact.
APART = st.just(0.0) | st.floats(1e-6, 1e6).flatmap(lambda x: st.sampled_from([x, -x]))


# --- relu -----------------------------------------------------------------------------


@given(ARRAYS | NUMBERS)
def test_relu_is_idempotent(x: Any) -> None:
    np.testing.assert_array_equal(relu(relu(x)), relu(x))


@given(ARRAYS | NUMBERS)
def test_relu_is_never_negative(x: Any) -> None:
    assert np.all(np.asarray(relu(x)) >= 0)


@given(ARRAYS)
def test_relu_is_the_identity_on_positive_inputs_and_zero_elsewhere(x: Any) -> None:
    out = relu(x)
    assert out.shape == x.shape
    np.testing.assert_array_equal(out[x > 0], x[x > 0])
    np.testing.assert_array_equal(out[x <= 0], 0)


@given(NUMBERS)
def test_relu_of_a_number_is_a_plain_number_of_the_same_kind(x: int | float) -> None:
    out = relu(x)
    assert type(out) is type(x)
    assert out == (x if x > 0 else 0)


# --- tanh -----------------------------------------------------------------------------


@given(FLOAT_ARRAYS)
def test_tanh_is_odd(x: Any) -> None:
    # Stated tolerance: 2 units in the last place (a libm tanh need not be exactly odd).
    np.testing.assert_array_max_ulp(tanh(-x), -tanh(x), maxulp=2)


@given(FLOAT_ARRAYS | INT_ARRAYS)
def test_tanh_is_bounded_by_minus_one_and_one(x: Any) -> None:
    out = tanh(x)
    assert out.shape == x.shape
    assert np.all((out >= -1) & (out <= 1))


@given(FLOATS)
def test_tanh_of_a_number_is_odd_and_bounded(x: float) -> None:
    assert type(tanh(x)) is float
    np.testing.assert_array_max_ulp(tanh(-x), -tanh(x), maxulp=2)  # tolerance as above
    assert -1 <= tanh(x) <= 1
    assert tanh(-x) == pytest.approx(-tanh(x), rel=4e-16, abs=0)


# --- row by row equals vectorized ------------------------------------------------------


@st.composite
def networks(draw: st.DrawFn, values: st.SearchStrategy[Any]) -> tuple[Any, dict[str, Any]]:
    """Rows of input data and a weights dict: one hidden layer named node_<i>,
    or several named node_<layer>_<i>."""
    n_inputs = draw(st.integers(1, 4))
    layer_sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    deep = len(layer_sizes) > 1 or draw(st.booleans())
    weights: dict[str, Any] = {}
    coming_in = n_inputs
    for layer, size in enumerate(layer_sizes):
        for index in range(size):
            name = f"node_{layer}_{index}" if deep else f"node_{index}"
            weights[name] = draw(hnp.arrays(np.float64, coming_in, elements=values))
        coming_in = size
    weights["output"] = draw(hnp.arrays(np.float64, coming_in, elements=values))
    rows = draw(hnp.arrays(np.float64, (draw(st.integers(1, 6)), n_inputs), elements=values))
    return rows, weights


WHOLE_NUMBERS = st.integers(-9, 9).map(float)  # sums of products stay exact: no rounding


@given(networks(WHOLE_NUMBERS))
def test_batch_prediction_equals_row_by_row_exactly_on_whole_numbers(
    network: tuple[Any, dict[str, Any]],
) -> None:
    rows, weights = network
    batch = predict_batch(rows, weights, relu, relu)  # (n_rows,), as predict_with_network
    assert batch.shape == (len(rows),)
    assert batch.tolist() == [predict_with_network(row, weights) for row in rows]
    linear_output = predict_batch(rows, weights, relu, identity)
    if "node_0_0" in weights:
        assert linear_output.tolist() == [predict_with_network2(row, weights) for row in rows]


@pytest.mark.parametrize("activation", [identity, relu, tanh, sigmoid])
@given(network=networks(SMALL_FLOATS))
def test_batch_prediction_equals_network_values_row_by_row(
    activation: Any, network: tuple[Any, dict[str, Any]]
) -> None:
    rows, weights = network
    batch = predict_batch(rows, weights, activation, activation)
    one_by_one = [network_values(row, weights, activation, activation).output for row in rows]
    # Stated tolerance: the two sum the same products in a different order.
    np.testing.assert_allclose(batch, one_by_one, rtol=1e-9, atol=1e-9)


@given(
    layer_sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4),
    seed=st.integers(0, 2**32 - 1),
    activation=st.sampled_from([identity, relu, tanh, sigmoid]),
    output_activation=st.sampled_from([identity, relu, tanh, sigmoid]),
    n_rows=st.integers(1, 6),
)
def test_layered_forward_of_a_batch_equals_each_row_alone(
    layer_sizes: list[int], seed: int, activation: Any, output_activation: Any, n_rows: int
) -> None:
    rng = np.random.default_rng(seed)
    network = random_network(layer_sizes, rng, activation, output_activation)
    network = [layer._replace(bias=rng.normal(size=layer.bias.shape)) for layer in network]
    rows = rng.uniform(-10, 10, size=(n_rows, layer_sizes[0]))  # (n_rows, n_inputs)
    batch = forward(network, rows).output  # (n_rows, n_outputs)
    one_by_one = np.vstack([forward(network, row).output for row in rows])
    # Stated tolerance: the same products, summed by different matrix kernels.
    np.testing.assert_allclose(batch, one_by_one, rtol=1e-9, atol=1e-9)


# --- mean squared error --------------------------------------------------------------


@st.composite
def pairs(draw: st.DrawFn, elements: st.SearchStrategy[float]) -> tuple[Any, Any]:
    """Targets and predictions of one shape: 1-D, or 2-D with one column per output."""
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=2, max_side=6))
    y_true = draw(hnp.arrays(np.float64, shape, elements=elements))
    y_pred = draw(hnp.arrays(np.float64, shape, elements=elements))
    return y_true, y_pred


@given(pairs(FLOATS))
def test_mean_squared_error_is_never_negative(pair: tuple[Any, Any]) -> None:
    error = mean_squared_error(*pair)
    assert type(error) is float
    assert error >= 0


@given(pairs(APART))
def test_mean_squared_error_is_zero_exactly_on_equal_inputs(pair: tuple[Any, Any]) -> None:
    y_true, y_pred = pair
    assert mean_squared_error(y_true, y_true) == 0
    assert (mean_squared_error(y_true, y_pred) == 0) == np.array_equal(y_true, y_pred)


@given(pairs(FLOATS))
def test_mean_squared_error_equals_scikit_learn(pair: tuple[Any, Any]) -> None:
    metrics = pytest.importorskip(
        "sklearn.metrics", reason="scikit-learn is an optional test dependency"
    )
    # Stated tolerance: relative 1e-12; the two may add the squares in another order.
    assert mean_squared_error(*pair) == pytest.approx(
        metrics.mean_squared_error(*pair), rel=1e-12, abs=1e-300
    )


# --- get_slope and gradient descent ---------------------------------------------------


@st.composite
def linear_problems(draw: st.DrawFn) -> tuple[Any, Any, Any]:
    """One data point (1-D input) or a batch (2-D), its targets, and the weights."""
    n_inputs = draw(st.integers(1, 4))
    shape = draw(st.sampled_from([(n_inputs,), (draw(st.integers(1, 6)), n_inputs)]))
    input_data = draw(hnp.arrays(np.float64, shape, elements=SMALL_FLOATS))
    n_points = 1 if len(shape) == 1 else shape[0]
    target = draw(hnp.arrays(np.float64, n_points, elements=SMALL_FLOATS))
    weights = draw(hnp.arrays(np.float64, n_inputs, elements=SMALL_FLOATS))
    return input_data, target, weights


@given(linear_problems())
def test_get_slope_is_the_central_difference_of_get_mse(problem: tuple[Any, Any, Any]) -> None:
    input_data, target, weights = problem
    step = 1e-3
    numeric = np.array(
        [
            (
                get_mse(input_data, target, weights + step * unit)
                - get_mse(input_data, target, weights - step * unit)
            )
            / (2 * step)
            for unit in np.eye(len(weights))
        ]
    )
    # The loss is quadratic in the weights, so the central difference is exact up to
    # rounding, about 1e-16 * loss / step. Stated tolerance: 1e-9 * (1 + loss), absolute.
    tolerance = 1e-9 * (1 + get_mse(input_data, target, weights))
    np.testing.assert_allclose(get_slope(input_data, target, weights), numeric, atol=tolerance)


@given(linear_problems())
def test_a_small_gradient_step_never_raises_the_loss(problem: tuple[Any, Any, Any]) -> None:
    input_data, target, weights = problem
    rows = np.atleast_2d(input_data)  # (n_rows, n_inputs)
    # The loss mean((X w - y)**2) is convex with Hessian 2 X^T X / n_rows; a step of
    # learning_rate < 2 / (its largest eigenvalue) cannot raise it. Its trace bounds
    # that eigenvalue, so 1 / trace is small enough.
    trace = 2 * (rows**2).sum() / len(rows)
    assume(trace > 1e-6)
    result = gradient_descent(input_data, target, weights, learning_rate=1 / trace, n_updates=3)
    losses = [get_mse(input_data, target, weights), *result.mse_history]
    # Stated tolerance: rounding only, 1e-12 * (1 + the first loss). Near the minimum
    # the loss is rounding noise of about 1e-32, which may go up or down.
    tolerance = 1e-12 * (1 + losses[0])
    for before, after in itertools.pairwise(losses):
        assert after <= before + tolerance


# --- early stopping ----------------------------------------------------------------------


@given(seed=st.integers(0, 2**32 - 1), patience=st.integers(1, 4))
@settings(max_examples=25)  # each example trains a small network
def test_early_stopping_never_returns_a_worse_network_than_the_last_epoch(
    seed: int, patience: int
) -> None:
    rng = np.random.default_rng(seed)
    inputs, held_inputs = rng.normal(size=(40, 3)), rng.normal(size=(20, 3))
    weights = rng.normal(size=(3, 1))
    targets, held_targets = np.tanh(inputs @ weights), np.tanh(held_inputs @ weights)
    result = train(
        random_network([3, 4, 1], rng, activation=tanh),
        inputs,
        targets,
        loss=mean_squared_error,
        learning_rate=0.5,
        batch_size=8,
        epochs=12,
        rng=rng,
        validation=(held_inputs, held_targets),
        patience=patience,
    )
    kept = mean_squared_error(held_targets, forward(result.network, held_inputs).output)
    assert kept <= result.validation_losses[-1]  # never worse than the last epoch run
    assert kept == min(result.validation_losses)  # the best epoch's network, exactly
    assert result.validation_losses[result.epoch_kept - 1] == kept
