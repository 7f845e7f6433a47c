"""The digits lesson's figures: its losses epoch by epoch and the test digits it misreads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from lessonlib._checks import as_count
from lessonlib.plots._canvas import INK, LINE_COLOURS, curve_axes, new_figure, styled
from lessonlib.plots._digits_run import checked_digits_run
from lessonlib.plots._text import listed, number_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["draw_misread_digits", "draw_training_losses"]


@styled
def draw_training_losses(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
) -> Figure:
    """Draw the training and validation loss after each epoch of the digits lesson's run.

    The parameters are the lesson's; the run is the lesson's own steps (needs scikit-learn).

    >>> axes = draw_training_losses(epochs=2).axes[0]
    >>> axes.get_xlabel(), axes.get_legend_handles_labels()[1]
    ('Epoch', ['training rows', 'validation rows'])
    """
    result = checked_digits_run(seed, layer_sizes, learning_rate, batch_size, epochs).result
    epoch_numbers = np.arange(1, len(result.train_losses) + 1)  # (epochs,)
    figure = new_figure(6.4, 3.8, layout="constrained")
    title = f"Cross-entropy after each epoch, learning rate {number_text(learning_rate)}"
    axes = curve_axes(figure, "Epoch", "Cross-entropy loss", title, whole_x=True)
    for losses, colour, marker, label in (
        (result.train_losses, LINE_COLOURS[0], "o-", "training rows"),
        (result.validation_losses, LINE_COLOURS[2], "s-", "validation rows"),
    ):
        axes.plot(epoch_numbers, losses, marker, color=colour, markersize=3.5, label=label)
    axes.legend(loc="upper right", fontsize=10)
    best = int(np.argmin(result.validation_losses))
    train, valid = result.train_losses, result.validation_losses
    figure.set_label(
        f"Line chart of the cross-entropy loss after each of {len(train)} epochs: on the "
        f"training rows from {number_text(train[0])} to {number_text(train[-1])}, on the "
        f"validation rows from {number_text(valid[0])} to {number_text(valid[-1])}, lowest "
        f"({number_text(valid[best])}) after epoch {best + 1}."
    )
    return figure


@styled
def draw_misread_digits(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 30,
    columns: int = 5,
) -> Figure:
    """Draw every test digit that the digits lesson's network reads wrongly, in a grid.

    The parameters are the lesson's (see `draw_training_losses`); ``columns`` sets the grid.

    >>> figure = draw_misread_digits(epochs=30)
    >>> figure.axes[0].get_title()
    '2 read as 1'
    """
    run = checked_digits_run(seed, layer_sizes, learning_rate, batch_size, epochs)
    columns = as_count(columns, "columns", minimum=1)
    wrong = np.flatnonzero(run.predicted != run.test_labels)  # (n_wrong,)
    rows = max(1, -(-len(wrong) // columns))
    figure = new_figure(1.25 * columns, 1.45 * rows, layout="constrained")
    said = []
    for place, index in enumerate(wrong, start=1):
        axes = figure.add_subplot(rows, columns, place)
        axes.imshow(run.test_images[index], cmap="gray_r", vmin=0, vmax=16, interpolation="none")
        label, read = int(run.test_labels[index]), int(run.predicted[index])
        axes.set_title(f"{label} read as {read}", fontsize=10, color=INK)
        axes.set_axis_off()
        said.append(f"{label} read as {read}")
    shown = f": {listed(said)}." if said else "."
    figure.set_label(
        f"Grid of the {len(wrong)} test digits, of {len(run.test_labels)}, that the trained "
        f"network misread, each drawn as its 8 by 8 pixels{shown}"
    )
    return figure
