"""Loss functions, each with its slope beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array
from lessonlib.activations import softmax

#: A loss takes the targets and the network's outputs, in that order, and returns one number.
Loss: TypeAlias = Callable[[Any, Any], float]


def _pair(y_true: Any, y_pred: Any) -> tuple[NDArray[Any], NDArray[Any]]:
    y_true = as_array(y_true, "y_true", ndim=(1, 2))
    y_pred = as_array(y_pred, "y_pred", ndim=(1, 2))
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"y_true and y_pred must have the same shape, got {y_true.shape} and {y_pred.shape}"
        )
    return y_true, y_pred


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """Average of the squared differences between targets and predictions.

    Gives the same number as scikit-learn's ``mean_squared_error`` with its
    defaults, for 1-D targets or 2-D targets (one column per output).

    >>> mean_squared_error([1, 3, 5, 7], [9, 9, 0, 12])
    37.5
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(((y_pred - y_true) ** 2).mean())


def mean_squared_error_slope(y_true: Any, y_pred: Any) -> NDArray[Any]:
    """Slope of `mean_squared_error` with respect to each prediction.

    >>> mean_squared_error_slope([1, 3], [2, 3])
    array([1., 0.])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    slope: NDArray[Any] = 2.0 * (y_pred - y_true) / y_true.size
    return slope


def half_squared_error(y_true: Any, y_pred: Any) -> float:
    """Half the sum of the squared differences: ½·Σ(target - output)².

    The loss of the classic worked backpropagation example. It is a sum, not a
    mean, and the ½ cancels the 2 that squaring brings to the slope.

    >>> round(half_squared_error([0.01, 0.99], [0.75136507, 0.772928465]), 9)
    0.298371109
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(0.5 * ((y_true - y_pred) ** 2).sum())


def half_squared_error_slope(y_true: Any, y_pred: Any) -> NDArray[Any]:
    """Slope of `half_squared_error` with respect to each prediction: output - target.

    >>> half_squared_error_slope([0.5, 1.0], [0.75, 0.5])
    array([ 0.25, -0.5 ])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    slope: NDArray[Any] = (y_pred - y_true).astype(float)
    return slope


def _labels_and_scores(labels: Any, scores: Any) -> tuple[NDArray[Any], NDArray[Any]]:
    scores = as_array(scores, "scores", ndim=2)  # (n_rows, n_classes)
    labels = as_array(labels, "labels", ndim=1)  # (n_rows,)
    if labels.dtype.kind not in "iu":
        raise TypeError(f"labels must be whole class numbers, got dtype {labels.dtype}")
    if len(labels) != len(scores):
        raise ValueError(
            f"labels has {len(labels)} values but scores has {len(scores)} rows; "
            "give one label per row"
        )
    n_classes = scores.shape[1]
    if labels.min() < 0 or labels.max() >= n_classes:
        raise ValueError(
            f"labels must lie between 0 and {n_classes - 1} (one column of scores per class), "
            f"got values from {labels.min()} to {labels.max()}"
        )
    return labels, scores


def softmax_cross_entropy(labels: Any, scores: Any) -> float:
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
    labels, scores = _labels_and_scores(labels, scores)
    shifted = scores - scores.max(axis=1, keepdims=True)  # (n_rows, n_classes)
    log_probabilities = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probabilities[np.arange(len(labels)), labels].mean())


def softmax_cross_entropy_slope(labels: Any, scores: Any) -> NDArray[np.float64]:
    """Slope of `softmax_cross_entropy` with respect to each score.

    It is (probabilities - one-hot labels) / n_rows: softmax and cross-entropy
    together have a far simpler slope than either has alone.

    >>> softmax_cross_entropy_slope([0], [[0.0, 0.0]])
    array([[-0.5,  0.5]])
    """
    labels, scores = _labels_and_scores(labels, scores)
    slope: NDArray[np.float64] = softmax(scores)  # (n_rows, n_classes)
    slope[np.arange(len(labels)), labels] -= 1.0
    return slope / len(labels)


#: Each loss paired with its slope, for code that needs both (like `activations.SLOPES`).
LOSS_SLOPES: dict[Loss, Callable[[Any, Any], NDArray[Any]]] = {
    mean_squared_error: mean_squared_error_slope,
    half_squared_error: half_squared_error_slope,
    softmax_cross_entropy: softmax_cross_entropy_slope,
}


def _suited_targets(targets: Any, output: NDArray[Any], loss: Loss, name: str) -> NDArray[Any]:
    """``targets`` as an array, checked against the network's output by the loss itself."""
    checked = as_array(targets, name, ndim=(1, 2))
    if output.ndim == 2 and len(checked) != len(output):
        raise ValueError(
            f"{name} has {len(checked)} rows but the inputs have {len(output)}; "
            "give one target per row"
        )
    try:
        loss(checked, output)
    except (ValueError, TypeError) as error:
        raise type(error)(f"{name} do not suit {loss.__name__} and this network: {error}") from None
    return checked


def _loss_slope(loss: Loss) -> Any:
    """The slope beside ``loss``; a TypeError naming ``loss`` if it is not one of ours."""
    if not any(loss is known for known in LOSS_SLOPES):
        names = ", ".join(known.__name__ for known in LOSS_SLOPES)
        raise TypeError(f"loss must be one of {names}, got {loss!r:.60}")
    return LOSS_SLOPES[loss]
