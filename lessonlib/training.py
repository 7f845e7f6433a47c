"""Train a layered network on mini-batches.

One epoch shuffles the training rows, cuts them into mini-batches and takes
one gradient-descent step per mini-batch: forward, loss slope, backward,
update. Randomness comes only from the ``numpy.random.Generator`` passed in.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray
from tqdm import tqdm  # type: ignore[import-untyped]

from lessonlib._checks import (
    as_count,
    as_generator,
    as_positive,
    known,
)
from lessonlib.backprop import Gradients, backward, forward, updated_network
from lessonlib.data import Data, checked_data, measured
from lessonlib.layers import Layer, NetworkLike, as_network
from lessonlib.losses import LOSS_SLOPES, Loss

__all__ = ["TrainingResult", "loss_and_gradients", "minibatches", "train"]


class TrainingResult(NamedTuple):
    """What `train` returns."""

    #: The network after the last epoch; with ``patience``, after the best epoch.
    network: list[Layer]
    #: The loss on the whole training set after each epoch that ran.
    train_losses: list[float]
    #: The loss on the validation set after each epoch (empty without validation data).
    validation_losses: list[float]
    #: The epoch, counted from 1, after which `network` was kept: the last one, or with
    #: ``patience`` the one with the lowest validation loss.
    epoch_kept: int


def loss_and_gradients(
    network: NetworkLike, inputs: ArrayLike, targets: ArrayLike, loss: Loss
) -> tuple[float, Gradients]:
    """Run forward, measure the loss, and run backward: the loss and every slope.

    >>> from lessonlib import identity, mean_squared_error
    >>> network = [([[1.0, 1.0]], [0.0], identity)]
    >>> value, gradients = loss_and_gradients(network, [[2, 3]], [[4]], mean_squared_error)
    >>> value, gradients.weights[0], gradients.biases[0]
    (1.0, array([[4., 6.]]), array([2.]))
    """
    layers, loss = as_network(network), known(loss, LOSS_SLOPES, "loss")
    data = checked_data(layers, inputs, targets, loss)
    values = forward(layers, data.inputs)
    output_slope = LOSS_SLOPES[loss](data.targets, values.output)  # shaped like the output
    return loss(data.targets, values.output), backward(layers, values, output_slope)


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
    network: NetworkLike,
    inputs: ArrayLike,
    targets: ArrayLike,
    *,
    loss: Loss,
    learning_rate: float,
    batch_size: int,
    epochs: int,
    rng: np.random.Generator,
    validation: tuple[ArrayLike, ArrayLike] | None = None,
    patience: int | None = None,
    progress: bool | None = None,
) -> TrainingResult:
    """Train with mini-batch gradient descent and record the loss after each epoch.

    With ``patience``, training stops early: after ``patience`` epochs in a row
    with no new lowest validation loss, or after ``epochs``, whichever comes
    first. The network returned is then the one of the epoch with the lowest
    validation loss.

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
        patience: Epochs to wait for a new lowest validation loss; needs ``validation``.
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
    layers, loss = as_network(network), known(loss, LOSS_SLOPES, "loss")
    data = checked_data(layers, inputs, targets, loss, one_row=False)
    held_out = None if validation is None else _held_out(layers, validation, loss)
    n_rows, learning_rate = len(data.inputs), as_positive(learning_rate, "learning_rate")
    batch_size = as_count(batch_size, "batch_size", 1, maximum=(n_rows, "the number of rows"))
    epochs, rng = as_count(epochs, "epochs", minimum=1), as_generator(rng)
    patience = _patience(patience, held_out)
    loss_slope, train_losses, validation_losses = LOSS_SLOPES[loss], [], []
    best_loss, best_network, best_epoch = np.inf, layers, 0  # the lowest validation loss yet
    bar = tqdm(range(1, epochs + 1), desc="training", unit="epoch", disable=not _shown(progress))
    for epoch in bar:
        for rows in minibatches(n_rows, batch_size, rng):
            values = forward(layers, data.inputs[rows])
            gradients = backward(layers, values, loss_slope(data.targets[rows], values.output))
            layers = updated_network(layers, gradients, learning_rate)
        train_losses.append(_finite_loss(layers, data, loss))
        bar.set_postfix(loss=f"{train_losses[-1]:.4f}")
        if held_out is not None:
            validation_losses.append(_finite_loss(layers, held_out, loss, "validation"))
            if validation_losses[-1] < best_loss:
                best_loss, best_network, best_epoch = validation_losses[-1], layers, epoch
            elif patience is not None and epoch - best_epoch >= patience:
                break  # no new lowest validation loss for `patience` epochs: stop early
    if patience is None:
        return TrainingResult(layers, train_losses, validation_losses, len(train_losses))
    return TrainingResult(best_network, train_losses, validation_losses, best_epoch)


def _patience(patience: object, held_out: Data | None) -> int | None:
    if patience is None:
        return None
    if held_out is None:
        raise ValueError("patience needs validation data: pass validation=(inputs, targets)")
    return as_count(patience, "patience", minimum=1)


def _held_out(layers: list[Layer], validation: object, loss: Loss) -> Data:
    if not isinstance(validation, tuple) or len(validation) != 2:
        raise TypeError("validation must be a pair (inputs, targets)")
    return checked_data(layers, *validation, loss, name="validation ", one_row=False)


def _shown(progress: object) -> bool:
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {type(progress).__name__}")
    return sys.stderr.isatty() if progress is None else progress


def _finite_loss(
    layers: list[Layer], data: Data, loss: Loss, measured_on: str = "training"
) -> float:
    """The loss on ``data``, or a ValueError saying why it is not a number."""
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is named below instead
        value = measured(layers, data, loss)
    if not np.isfinite(value):
        raise ValueError(
            f"the {measured_on} loss became {value}: the steps diverged, or the {measured_on} "
            "inputs are too large for this network; use a smaller learning_rate"
        )
    return value
