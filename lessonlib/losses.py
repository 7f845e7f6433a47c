"""Loss functions, each with its slope beside it.

Every loss takes the targets first and the network's outputs second, as
scikit-learn's metrics do, and returns one number; its slope returns one
number per output: how the loss changes as that output changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessonlib._checks import Numbers, as_array, as_labels
from lessonlib.activations import softmax

__all__ = [
    "half_squared_error",
    "half_squared_error_slope",
    "mean_squared_error",
    "mean_squared_error_slope",
    "softmax_cross_entropy",
    "softmax_cross_entropy_slope",
]

#: A loss: takes the targets and the outputs, in that order, and returns one number.
Loss: TypeAlias = Callable[[ArrayLike, ArrayLike], float]


def _targets_and_outputs(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[Numbers, Numbers]:
    y_true, y_pred = as_array(y_true, "y_true", (1, 2)), as_array(y_pred, "y_pred", (1, 2))
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same shape, got {y_true.shape} and {y_pred.shape}"
        )
    return y_true, y_pred


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Average of the squared differences between targets and predictions.

    Gives the same number as scikit-learn's ``mean_squared_error`` with its
    defaults, for 1-D targets or 2-D targets (one column per output).

    >>> mean_squared_error([1, 3, 5, 7], [9, 9, 0, 12])
    37.5
    """
    targets, outputs = _targets_and_outputs(y_true, y_pred)
    return float(((outputs - targets) ** 2).mean())


def mean_squared_error_slope(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.float64]:
    """Slope of `mean_squared_error` with respect to each prediction.

    >>> mean_squared_error_slope([1, 3], [2, 3])
    array([1., 0.])
    """
    targets, outputs = _targets_and_outputs(y_true, y_pred)
    return 2.0 * (outputs - targets) / targets.size


def half_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Half the sum of the squared differences: ½·Σ(target - output)².

    The loss of the classic worked backpropagation example. It is a sum, not a
    mean, and the ½ cancels the 2 that squaring brings to the slope.

    >>> round(half_squared_error([0.01, 0.99], [0.75136507, 0.772928465]), 9)
    0.298371109
    """
    targets, outputs = _targets_and_outputs(y_true, y_pred)
    return float(0.5 * ((targets - outputs) ** 2).sum())


def half_squared_error_slope(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.float64]:
    """Slope of `half_squared_error` with respect to each prediction: output - target.

    >>> half_squared_error_slope([0.5, 1.0], [0.75, 0.5])
    array([ 0.25, -0.5 ])
    """
    targets, outputs = _targets_and_outputs(y_true, y_pred)
    return (outputs - targets).astype(float)


def _labels_and_scores(labels: ArrayLike, scores: ArrayLike) -> tuple[NDArray[np.intp], Numbers]:
    scores = as_array(scores, "scores", ndim=2)  # (n_rows, n_classes)
    labels = as_labels(labels, "labels", scores.shape[1], rows=(len(scores), "scores"))
    return labels, scores


def softmax_cross_entropy(labels: ArrayLike, scores: ArrayLike) -> float:
    """Cross-entropy of the softmax of the scores: the mean of -log(probability of the label).

    The scores are the network's raw outputs, one per class (no activation at
    the output layer); softmax turns them into probabilities. Gives the same
    number as PyTorch's ``cross_entropy`` with its defaults.

    Parameters:
        labels: The right class of each row, a whole number from 0 (n_rows,).
        scores: One score per class for each row (n_rows, n_classes).

    >>> round(softmax_cross_entropy([0, 1], [[2.0, 0.0], [0.0, 0.0]]), 6)
    0.410038
    """
    classes, values = _labels_and_scores(labels, scores)
    shifted = values - values.max(axis=1, keepdims=True)  # (n_rows, n_classes)
    log_probabilities = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probabilities[np.arange(len(classes)), classes].mean())


def softmax_cross_entropy_slope(labels: ArrayLike, scores: ArrayLike) -> NDArray[np.float64]:
    """Slope of `softmax_cross_entropy` with respect to each score.

    It is (probabilities - one-hot labels) / n_rows: softmax and cross-entropy
    together have a far simpler slope than either has alone.

    >>> softmax_cross_entropy_slope([0], [[0.0, 0.0]])
    array([[-0.5,  0.5]])
    """
    classes, values = _labels_and_scores(labels, scores)
    slope = softmax(values)  # (n_rows, n_classes)
    slope[np.arange(len(classes)), classes] -= 1.0
    return slope / len(classes)


#: Each loss paired with its slope, for code that needs both (like `activations.SLOPES`).
LOSS_SLOPES: dict[Loss, Callable[[ArrayLike, ArrayLike], NDArray[np.float64]]] = {
    mean_squared_error: mean_squared_error_slope,
    half_squared_error: half_squared_error_slope,
    softmax_cross_entropy: softmax_cross_entropy_slope,
}
