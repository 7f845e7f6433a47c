"""Loss, slope and gradient descent, checked against independent references."""

import numpy as np
import pytest

from lessonlib import (
    get_error,
    get_mse,
    get_slope,
    gradient_descent,
    mean_squared_error,
    mean_squared_error_slope,
)

X = np.array([1.0, 2.0, 3.0])
W = np.array([0.0, 2.0, 1.0])


def test_mean_squared_error_matches_scikit_learn() -> None:
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is an optional reference")
    y_true = [[1.0, 2.0], [3.0, -1.0], [0.5, 0.0]]
    y_pred = [[1.5, 2.0], [2.0, 1.0], [0.0, 0.25]]
    assert mean_squared_error(y_true, y_pred) == pytest.approx(
        metrics.mean_squared_error(y_true, y_pred), rel=1e-12
    )
    assert mean_squared_error([1, 3, 5, 7], [9, 9, 0, 12]) == metrics.mean_squared_error(
        [1, 3, 5, 7], [9, 9, 0, 12]
    )


def test_mean_squared_error_slope_matches_central_differences() -> None:
    y_true, y_pred, step = np.array([1.0, -2.0, 0.5]), np.array([0.3, 1.0, 0.5]), 1e-6
    numeric = [
        (
            mean_squared_error(y_true, y_pred + step * e)
            - mean_squared_error(y_true, y_pred - step * e)
        )
        / (2 * step)
        for e in np.eye(3)
    ]
    assert mean_squared_error_slope(y_true, y_pred) == pytest.approx(numeric, abs=1e-8)


def test_slope_is_the_derivative_of_the_loss() -> None:
    step = 1e-6
    numeric = [
        (get_mse(X, 0, W + step * e) - get_mse(X, 0, W - step * e)) / (2 * step) for e in np.eye(3)
    ]
    assert get_slope(X, 0, W) == pytest.approx(numeric, rel=1e-7)


def test_batch_slope_is_the_derivative_of_the_batch_loss() -> None:
    rows, targets, step = np.array([[1.0, 2.0], [0.5, -1.0], [3.0, 0.0]]), [1.0, 0.0, 2.0], 1e-6
    weights = np.array([0.4, -0.2])
    numeric = [
        (get_mse(rows, targets, weights + step * e) - get_mse(rows, targets, weights - step * e))
        / (2 * step)
        for e in np.eye(2)
    ]
    assert get_slope(rows, targets, weights) == pytest.approx(numeric, rel=1e-7)
    assert get_error(rows, targets, weights).shape == (3,)


def test_update_against_the_slope_lowers_the_loss() -> None:
    result = gradient_descent(X, 0, W, learning_rate=0.01, n_updates=20)
    assert result.mse_history[0] < get_mse(X, 0, W)
    assert result.mse_history == sorted(result.mse_history, reverse=True)
    assert result.mse_history[-1] == pytest.approx(49 * 0.5184**20, rel=1e-9)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: mean_squared_error([1, 2], [1, 2, 3]), ValueError, "same shape"),
        (lambda: mean_squared_error([], []), ValueError, "y_true must not be empty"),
        (lambda: mean_squared_error([1, np.nan], [1, 2]), ValueError, "y_true contains NaN"),
        (lambda: mean_squared_error("12", [1, 2]), TypeError, "y_true"),
        (lambda: get_slope([1, 2], 0, [0, 2, 1]), ValueError, "weights has 3"),
        (lambda: get_slope([[1, 2]], [0, 1], [0, 2]), ValueError, "target must have one value"),
        (lambda: get_mse([1, 2, 3], None, W), TypeError, "target"),
        (lambda: gradient_descent(X, 0, W, learning_rate=0), ValueError, "learning_rate"),
        (lambda: gradient_descent(X, 0, W, learning_rate="fast"), TypeError, "learning_rate"),
        (lambda: gradient_descent(X, 0, W, n_updates=2.5), TypeError, "n_updates"),
        (lambda: gradient_descent(X, 0, W, n_updates=-1), ValueError, "n_updates"),
    ],
)
def test_bad_input_names_the_argument(call, error, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=words):
        call()
