"""Chapter-3 losses and their slopes, softmax, and the central-difference checker itself."""

import math

import numpy as np
import pytest

from lessonlib import (
    half_squared_error,
    half_squared_error_slope,
    largest_relative_difference,
    mean_squared_error,
    numerical_gradient,
    softmax,
    softmax_cross_entropy,
    softmax_cross_entropy_slope,
)

SCORES = np.array([[2.0, -1.0, 0.5], [0.0, 0.0, 0.0], [-3.0, 4.0, 1.0]])
LABELS = np.array([0, 2, 1])
ONE_HOT = np.eye(3)[LABELS]


def test_half_squared_error_is_half_the_sum_of_squares() -> None:
    assert half_squared_error([1.0, 2.0], [4.0, 0.0]) == 0.5 * (9 + 4)
    assert half_squared_error([[1.0], [2.0]], [[4.0], [0.0]]) == 6.5


def test_softmax_rows_are_probabilities_even_for_huge_scores() -> None:
    probabilities = softmax(np.array([[1000.0, 1000.0], [-1000.0, 0.0]]))
    assert np.isfinite(probabilities).all()
    np.testing.assert_allclose(probabilities.sum(axis=1), [1.0, 1.0])
    np.testing.assert_allclose(probabilities[0], [0.5, 0.5])
    by_hand = np.exp(SCORES[0]) / np.exp(SCORES[0]).sum()
    np.testing.assert_allclose(softmax(SCORES[0]), by_hand, rtol=1e-15)


def test_cross_entropy_is_the_mean_minus_log_probability_of_each_label() -> None:
    by_hand = [-math.log(softmax(row)[label]) for row, label in zip(SCORES, LABELS, strict=True)]
    assert softmax_cross_entropy(LABELS, SCORES) == pytest.approx(np.mean(by_hand), rel=1e-14)


@pytest.mark.parametrize(
    ("loss", "slope", "targets"),
    [
        (softmax_cross_entropy, softmax_cross_entropy_slope, LABELS),
        (
            half_squared_error,
            half_squared_error_slope,
            np.array([[1.0, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ),
    ],
)
def test_each_loss_slope_matches_central_differences(loss, slope, targets) -> None:
    estimated = numerical_gradient(lambda scores: loss(targets, scores), SCORES)
    np.testing.assert_allclose(slope(targets, SCORES), estimated, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize(
    ("labels", "scores", "error", "message"),
    [
        ([0.5, 1.0, 2.0], SCORES, TypeError, "labels must be whole class numbers"),
        ([0, 1], SCORES, ValueError, "labels has 2 values but scores has 3 rows"),
        ([0, 1, 3], SCORES, ValueError, "labels must lie between 0 and 2"),
        ([0, -1, 2], SCORES, ValueError, "labels must lie between 0 and 2"),
        (LABELS, SCORES[0], ValueError, "scores must be a 2-D array"),
    ],
)
def test_bad_labels_are_named(labels, scores, error, message) -> None:
    with pytest.raises(error, match=message):
        softmax_cross_entropy(labels, scores)


def test_numerical_gradient_of_a_known_function() -> None:
    at = np.array([[1.0, -2.0], [0.5, 3.0]])
    estimated = numerical_gradient(lambda x: float((x**3).sum()), at)
    np.testing.assert_allclose(estimated, 3 * at**2, rtol=1e-8)
    assert at.tolist() == [[1.0, -2.0], [0.5, 3.0]]  # the point itself is left alone


def test_numerical_gradient_step_sets_the_error() -> None:
    # For x**3 the central difference is off by exactly step**2 at every x.
    for step in (1e-2, 1e-3):
        estimated = numerical_gradient(lambda x: float((x**3).sum()), [2.0], step=step)
        assert estimated[0] - 12.0 == pytest.approx(step**2, rel=1e-3)


def test_numerical_gradient_rejects_a_non_function() -> None:
    with pytest.raises(TypeError, match="function must be callable"):
        numerical_gradient(3, [1.0])


def test_numerical_gradient_needs_a_function_that_returns_one_finite_number() -> None:
    with pytest.raises(TypeError, match="function's result must be a number, got ndarray"):
        numerical_gradient(lambda x: x, [1.0, 2.0])
    with pytest.raises(ValueError, match="function's result must be finite, got nan"):
        numerical_gradient(lambda x: float("nan"), [1.0])


def test_largest_relative_difference() -> None:
    assert largest_relative_difference([2.0, 4.0], [2.0, 4.0]) == 0.0
    assert largest_relative_difference([2.0, 4.0], [2.0, 5.0]) == pytest.approx(0.2)
    layers = [np.ones((2, 2)), np.zeros(3)]
    assert largest_relative_difference(layers, [np.ones((2, 2)), np.zeros(3)]) == 0
    assert largest_relative_difference([0.0], [1e-12]) == pytest.approx(1e-4)  # floor of 1e-8
    with pytest.raises(ValueError, match=r"computed has the shapes \[\(2,\)\] but estimated"):
        largest_relative_difference([1.0, 2.0], [1.0, 2.0, 3.0])
    # the same number of values, laid out differently: not the slopes of the same network
    with pytest.raises(ValueError, match="compare the slopes of the same network"):
        largest_relative_difference(layers, [np.ones(4), np.zeros(3)])
    with pytest.raises(ValueError, match="compare the slopes of the same network"):
        largest_relative_difference([[1.0, 2.0], [3.0]], [[1.0], [2.0, 3.0]])


def test_mean_squared_error_is_unchanged_by_chapter_three() -> None:
    assert mean_squared_error([1, 3, 5, 7], [9, 9, 0, 12]) == 37.5
