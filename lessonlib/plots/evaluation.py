"""Chapter 4's figures about judging a trained network: when to stop, how big, how sure.

Each one trains by the very steps its lesson prints (`checked_digits_run`), so the
figure and the page cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from lessonlib._checks import as_count
from lessonlib.activations import softmax
from lessonlib.backprop import forward
from lessonlib.plots._canvas import (
    GREY,
    GRID,
    HIGHLIGHT,
    INK,
    LINE_COLOURS,
    curve_axes,
    new_figure,
    styled,
)
from lessonlib.plots._digits_run import checked_digits_run
from lessonlib.plots._text import listed, number_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_capacity", "draw_digit_probabilities", "draw_early_stopping"]

DIGITS_NETWORK = (64, 64, 32, 10)  # chapter 3's layer sizes


@styled
def draw_early_stopping(
    seed: int = 0,
    layer_sizes: Sequence[int] = DIGITS_NETWORK,
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
    patience: int = 5,
) -> Figure:
    """Draw the losses of a digits run stopped early, marking the stop and the epoch kept.

    The parameters are those of the early-stopping lesson's `train` call (needs scikit-learn).

    >>> figure = draw_early_stopping(epochs=6, patience=1)
    >>> for label in figure.axes[0].get_legend_handles_labels()[1][2:]:
    ...     print(label)
    no new lowest after epoch 4
    kept: epoch 4, the lowest validation loss
    stopped after epoch 5
    """
    patience = as_count(patience, "patience", minimum=1)
    run = checked_digits_run(seed, layer_sizes, learning_rate, batch_size, epochs, patience)
    result = run.result
    train, valid, kept = result.train_losses, result.validation_losses, result.epoch_kept
    epoch_numbers = np.arange(1, len(train) + 1)  # (epochs run,)
    figure = new_figure(6.4, 3.8, layout="constrained")
    title = f"Early stopping with patience {patience}"
    axes = curve_axes(figure, "Epoch", "Cross-entropy loss", title, whole_x=True)
    for losses, colour, marker, label in (
        (train, LINE_COLOURS[0], "o-", "training rows"),
        (valid, LINE_COLOURS[2], "s-", "validation rows"),
    ):
        axes.plot(epoch_numbers, losses, marker, color=colour, markersize=3.5, label=label)
    if len(train) > kept:
        axes.axvspan(kept, len(train), color=GRID, label=f"no new lowest after epoch {kept}")
    label = f"kept: epoch {kept}, the lowest validation loss"
    axes.plot([kept], [valid[kept - 1]], "*", color=INK, markersize=15, zorder=3, label=label)
    axes.axvline(len(train), color=GREY, linestyle="--", label=f"stopped after epoch {len(train)}")
    axes.legend(loc="upper right", fontsize=9.5)
    figure.set_label(
        f"Line chart of the cross-entropy loss after each of the {len(train)} epochs that ran, "
        f"with patience {patience}: on the training rows from {number_text(train[0])} to "
        f"{number_text(train[-1])}, on the validation rows from {number_text(valid[0])} to "
        f"{number_text(valid[-1])}. A star marks the lowest validation loss, "
        f"{number_text(valid[kept - 1])} after epoch {kept}, whose network is kept; a dashed "
        f"line marks the stop after epoch {len(train)}, {len(train) - kept} epochs later."
    )
    return figure


def _layers_text(hidden_layers: Sequence[int]) -> str:
    return ", ".join(str(size) for size in hidden_layers)


@styled
def draw_capacity(
    hidden_layers: Sequence[Sequence[int]],
    seed: int = 0,
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
) -> Figure:
    """Draw the training and validation loss at the end of training, for networks of each size.

    ``hidden_layers`` lists, for each network, the nodes in each of its hidden layers;
    the digits' 64 inputs and 10 outputs are added around them. The other parameters
    are those of the capacity lesson's `train` call (needs scikit-learn).

    >>> axes = draw_capacity([[2], [8]], epochs=2).axes[0]
    >>> [label.get_text() for label in axes.get_xticklabels()]
    ['2', '8']
    """
    if not 1 <= len(hidden_layers) <= 8:
        raise ValueError(f"hidden_layers must list 1 to 8 networks, got {len(hidden_layers)}")
    runs = [
        checked_digits_run(seed, (64, *hidden, 10), learning_rate, batch_size, epochs).result
        for hidden in hidden_layers
    ]
    train = [run.train_losses[-1] for run in runs]  # (n_networks,)
    valid = [run.validation_losses[-1] for run in runs]  # (n_networks,)
    names = [_layers_text(hidden) for hidden in hidden_layers]
    figure = new_figure(6.4, 3.9, layout="constrained")
    title = f"Loss after {epochs} epochs, by network size"
    axes = curve_axes(figure, "Nodes in each hidden layer", "Cross-entropy loss (log scale)", title)
    axes.set_yscale("log")
    places = np.arange(len(names))  # (n_networks,)
    axes.plot(places, train, "o-", color=LINE_COLOURS[0], label="training rows")
    axes.plot(places, valid, "s-", color=LINE_COLOURS[2], label="validation rows")
    best = int(np.argmin(valid))
    axes.plot([best], [valid[best]], "o", markersize=14, fillstyle="none", color=HIGHLIGHT,
              label="lowest validation loss")  # fmt: skip
    axes.set_xticks(places, names)
    axes.set_ylim(top=4 * max(*train, *valid))  # room above the curves for the two labels
    _name_the_ends(axes)
    axes.legend(loc="lower left", fontsize=9.5)
    said = [
        f"[{name}] training {number_text(t)}, validation {number_text(v)}"
        for name, t, v in zip(names, train, valid, strict=True)
    ]
    figure.set_label(
        f"Line chart, on a log scale, of the cross-entropy loss after {epochs} epochs for "
        f"networks with hidden layers {listed(said)}. The validation loss is lowest for "
        f"hidden layers [{names[best]}]."
    )
    return figure


def _name_the_ends(axes: Axes) -> None:
    """Say what the two ends of the capacity chart show, in its top corners."""
    for place, text, align in ((0.02, "underfitting", "left"), (0.98, "overfitting", "right")):
        axes.text(place, 0.97, text, transform=axes.transAxes, ha=align, va="top", color=GREY)


@styled
def draw_digit_probabilities(
    seed: int = 0,
    layer_sizes: Sequence[int] = DIGITS_NETWORK,
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
    patience: int = 5,
    least_sure: int = 3,
) -> Figure:
    """Draw test digits with the probability the trained network gives each class.

    Shows the first test digit and the ``least_sure`` digits whose predicted class has
    the lowest probability; the other parameters are the lesson's `train` call.

    >>> figure = draw_digit_probabilities(epochs=2, patience=1, least_sure=1)
    >>> [axes.get_title() for axes in figure.axes[::2]]  # the digits, above their bars
    ['test row 0, label 6', 'test row 33, label 8']
    """
    least_sure = as_count(least_sure, "least_sure", minimum=0, maximum=(5, "five"))
    run = checked_digits_run(seed, layer_sizes, learning_rate, batch_size, epochs, patience)
    flat = run.test_images.reshape(len(run.test_images), -1) / 16  # (n_test, 64), as trained
    probabilities = softmax(forward(run.result.network, flat).output)  # (n_test, n_classes)
    surest = probabilities.max(axis=1)  # (n_test,)
    rows = [0, *np.argsort(surest)[:least_sure].tolist()]
    figure = new_figure(1.75 * len(rows), 3.6, layout="constrained")
    grid = figure.add_gridspec(2, len(rows), height_ratios=(1, 1))
    said = []
    for column, row in enumerate(rows):
        image = figure.add_subplot(grid[0, column])
        label, read = int(run.test_labels[row]), int(probabilities[row].argmax())
        image.imshow(run.test_images[row], cmap="gray_r", vmin=0, vmax=16, interpolation="none")
        image.set_title(f"test row {row}, label {label}", fontsize=9.5, color=INK)
        image.set_axis_off()
        _draw_bars(figure.add_subplot(grid[1, column]), probabilities[row], label)
        said.append(
            f"test row {row} (label {label}) is read as {read} with probability "
            f"{number_text(probabilities[row, read])}"
        )
    figure.set_label(
        f"{len(rows)} test digits, each drawn as its 8 by 8 pixels above a bar chart of the "
        f"probability the network gives each of the {probabilities.shape[1]} classes: "
        f"{listed(said)}."
    )
    return figure


def _draw_bars(axes: Axes, probabilities: np.ndarray, label: int) -> None:
    """One bar per class, the right class in the highlight colour."""
    classes = np.arange(len(probabilities))  # (n_classes,)
    colours = [HIGHLIGHT if c == label else LINE_COLOURS[0] for c in classes]
    axes.bar(classes, probabilities, color=colours)
    axes.set_ylim(0, 1)
    axes.set_xticks(classes, [str(c) for c in classes], fontsize=8)
    axes.set_yticks([0, 0.5, 1], ["0", "0.5", "1"], fontsize=8)
    axes.set_xlabel("class", fontsize=9)
