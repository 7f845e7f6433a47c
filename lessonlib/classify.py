"""Reading a classifier: the class it gives each row, and how often that class is right.

A classifier's network has one output node per class; the class it predicts
for a row is the node with the largest output.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from lessonlib._checks import as_array, as_labels
from lessonlib.backprop import forward
from lessonlib.layers import NetworkLike

__all__ = ["accuracy", "predict_classes"]


def predict_classes(network: NetworkLike, inputs: ArrayLike) -> NDArray[np.intp]:
    """The class each row is given: the output node with the largest value.

    >>> from lessonlib import identity
    >>> predict_classes([([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0], identity)], [[3, 1], [0, 2]])
    array([0, 1])
    """
    output = forward(network, as_array(inputs, "inputs", ndim=2)).output  # (n_rows, n_classes)
    if output.shape[1] < 2:
        raise ValueError("network must have one output node per class, at least 2; it has 1")
    classes: NDArray[np.intp] = output.argmax(axis=1)  # (n_rows,)
    return classes


def _labels_and_predictions(
    labels: ArrayLike, predicted: ArrayLike
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    scores_or_classes = as_array(predicted, "predicted", ndim=(1, 2))
    if scores_or_classes.ndim == 2:  # one score per class: the highest is the prediction
        n_classes = scores_or_classes.shape[1]
        classes = scores_or_classes.argmax(axis=1)  # (n_rows,)
    else:
        n_classes, classes = None, as_labels(scores_or_classes, "predicted")
    checked_labels = as_labels(labels, "labels", n_classes, rows=(len(classes), "predicted"))
    return checked_labels, classes


def accuracy(labels: ArrayLike, predicted: ArrayLike) -> float:
    """The fraction of rows whose predicted class is the right one.

    Parameters:
        labels: The right class of each row (n_rows,).
        predicted: The predicted classes (n_rows,), or one score per class
            (n_rows, n_classes), in which case the highest score is the prediction.

    >>> accuracy([0, 1, 2, 2], [0, 1, 1, 2])
    0.75
    """
    classes, predicted_classes = _labels_and_predictions(labels, predicted)
    return float((predicted_classes == classes).mean())
