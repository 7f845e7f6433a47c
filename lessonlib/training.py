"""Train a layered network on mini-batches, and measure how often it is right.

One epoch shuffles the training rows, cuts them into mini-batches and takes
one gradient-descent step per mini-batch: forward, loss slope, backward,
update. Randomness comes only from the ``numpy.random.Generator`` passed in.
"""

from __future__ import annotations

import sys
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray
from tqdm import tqdm  # type: ignore[import-untyped]

from lessonlib._checks import as_array, as_count, as_generator, as_labels, as_positive
from lessonlib.backprop import Gradients, _backward, _forward, _step, forward
from lessonlib.layers import Layer, as_network
from lessonlib.losses import Loss, _loss_slope, _suited_targets


class TrainingResult(NamedTuple):
    """What `train` returns."""

    #: The network after the last epoch.
    network: list[Layer]
    #: The loss on the whole training set after each epoch.
    train_losses: list[float]
    #: The loss on the validation set after each epoch (empty without validation data).
    validation_losses: list[float]


def loss_and_gradients(
    network: Any, inputs: Any, targets: Any, loss: Loss
) -> tuple[float, Gradients]:
    """Run forward, measure the loss, and run backward: the loss and every slope.

    >>> from lessonlib import identity, mean_squared_error
    >>> network = [([[1.0, 1.0]], [0.0], identity)]
    >>> value, gradients = loss_and_gradients(network, [[2, 3]], [[4]], mean_squared_error)
    >>> value, gradients.weights[0], gradients.biases[0]
    (1.0, array([[4., 6.]]), array([2.]))
    """
    layers, loss_slope = as_network(network), _loss_slope(loss)
    values = forward(layers, inputs)
    targets = _suited_targets(targets, values.output, loss, "targets")
    return loss(targets, values.output), _backward(
        layers, values, loss_slope(targets, values.output)
    )


def minibatches(n_rows: int, batch_size: int, rng: np.random.Generator) -> list[NDArray[np.intp]]:
    """Shuffle the row numbers 0 … n_rows - 1 and cut them into mini-batches.

    Every row appears in exactly one mini-batch; the last may be smaller.
    ``batch_size`` may not exceed ``n_rows``: use ``n_rows`` for one batch of all rows.

    >>> minibatches(5, batch_size=2, rng=np.random.default_rng(0))
    [array([2, 4]), array([3, 0]), array([1])]
    """
    n_rows = as_count(n_rows, "n_rows", minimum=1)
    batch_size = as_count(batch_size, "batch_size", minimum=1, maximum=(n_rows, "n_rows"))
    order = as_generator(rng).permutation(n_rows)  # (n_rows,)
    return [order[start : start + batch_size] for start in range(0, n_rows, batch_size)]


def train(
    network: Any,
    inputs: Any,
    targets: Any,
    *,
    loss: Loss,
    learning_rate: float,
    batch_size: int,
    epochs: int,
    rng: np.random.Generator,
    validation: tuple[Any, Any] | None = None,
    progress: bool | None = None,
) -> TrainingResult:
    """Train with mini-batch gradient descent and record the loss after each epoch.

    Parameters:
        network: The starting network; it is not changed.
        inputs: The training rows (n_rows, n_inputs).
        targets: What ``loss`` compares the outputs with, one per row.
        loss: A loss from `lessonlib.losses`, e.g. `softmax_cross_entropy`.
        learning_rate: The size of each step against the slope.
        batch_size: Rows per mini-batch, one update per mini-batch; at most n_rows.
        epochs: How many times to go through all the training rows, at least 1.
        rng: Shuffles the rows, e.g. ``numpy.random.default_rng(0)``.
        validation: Optional (inputs, targets) that are measured but never trained on.
        progress: Show a progress bar; by default only when run in a terminal.

    >>> from lessonlib import identity, mean_squared_error
    >>> inputs, targets = [[0], [1], [2]], [[1], [3], [5]]  # target = 2 * input + 1
    >>> result = train([([[0.0]], [0.0], identity)], inputs, targets,
    ...                loss=mean_squared_error, learning_rate=0.1, batch_size=1,
    ...                epochs=50, rng=np.random.default_rng(0), progress=False)
    >>> layer = result.network[0]
    >>> round(layer.weights.item(), 6), round(layer.bias.item(), 6), len(result.train_losses)
    (2.0, 1.0, 50)
    """
    layers, loss_slope = as_network(network), _loss_slope(loss)
    inputs, targets = _checked_data(layers, inputs, targets, loss, "")
    learning_rate = as_positive(learning_rate, "learning_rate")
    batch_size = as_count(batch_size, "batch_size", 1, maximum=(len(inputs), "the number of rows"))
    epochs = as_count(epochs, "epochs", minimum=1)
    rng = as_generator(rng)
    if validation is not None:
        validation = _checked_data(layers, *_pair(validation), loss, "validation ")
    train_losses: list[float] = []
    validation_losses: list[float] = []
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {type(progress).__name__}")
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(range(epochs), desc="training", unit="epoch", disable=not show)
    for _ in bar:
        for rows in minibatches(len(inputs), batch_size, rng):
            values = _forward(layers, inputs[rows])
            slope = loss_slope(targets[rows], values.output)  # same shape as the output
            layers = _step(layers, _backward(layers, values, slope), learning_rate)
        train_losses.append(_finite_loss(loss(targets, _forward(layers, inputs).output)))
        if validation is not None:
            validation_losses.append(loss(validation[1], _forward(layers, validation[0]).output))
        bar.set_postfix(loss=f"{train_losses[-1]:.4f}")
    return TrainingResult(layers, train_losses, validation_losses)


def _checked_data(
    layers: list[Layer], inputs: Any, targets: Any, loss: Loss, name: str
) -> tuple[NDArray[Any], NDArray[Any]]:
    values = forward(layers, as_array(inputs, f"{name}inputs", ndim=2))  # checks the inputs
    return values.inputs, _suited_targets(targets, values.output, loss, f"{name}targets")


def _pair(validation: Any) -> tuple[Any, Any]:
    if not isinstance(validation, tuple) or len(validation) != 2:
        raise TypeError("validation must be a pair (inputs, targets)")
    return validation[0], validation[1]


def _finite_loss(value: float) -> float:
    if not np.isfinite(value):
        raise ValueError(
            f"the training loss became {value}: the steps diverged; use a smaller learning_rate"
        )
    return value


def predict_classes(network: Any, inputs: Any) -> NDArray[np.intp]:
    """The class each row is given: the output node with the largest value.

    >>> from lessonlib import identity
    >>> predict_classes([([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0], identity)], [[3, 1], [0, 2]])
    array([0, 1])
    """
    output = forward(network, as_array(inputs, "inputs", ndim=2)).output  # (n_rows, n_classes)
    classes: NDArray[np.intp] = output.argmax(axis=1)  # (n_rows,)
    return classes


def accuracy(labels: Any, predicted: Any) -> float:
    """The fraction of rows whose predicted class is the right one.

    Parameters:
        labels: The right class of each row (n_rows,).
        predicted: The predicted classes (n_rows,), or one score per class
            (n_rows, n_classes), in which case the highest score is the prediction.

    >>> accuracy([0, 1, 2, 2], [0, 1, 1, 2])
    0.75
    """
    predicted = as_array(predicted, "predicted", ndim=(1, 2))
    if predicted.ndim == 2:
        labels = as_labels(labels, "labels", n_classes=predicted.shape[1])  # (n_rows,)
        predicted = predicted.argmax(axis=1)  # (n_rows,)
    else:
        labels, predicted = as_labels(labels, "labels"), as_labels(predicted, "predicted")
    if len(predicted) != len(labels):
        raise ValueError(
            f"labels has {len(labels)} values but predicted has {len(predicted)}; "
            "give one prediction per row"
        )
    return float((predicted == labels).mean())
