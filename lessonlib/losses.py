"""Loss functions, each with its slope beside it."""

from __future__ import annotations

from typing import Any

from numpy.typing import NDArray

from lessonlib._checks import as_array


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
