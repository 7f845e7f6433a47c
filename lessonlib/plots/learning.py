"""Chapter 4's figures on what makes training work: the learning rate, dead nodes, slope sizes.

The training runs are the digits lesson's own steps (`digits_run`), with the one
setting each lesson changes, so a figure cannot disagree with the numbers its
lesson prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from lessonlib._checks import as_count, as_number, as_positive
from lessonlib.backprop import slope_sizes
from lessonlib.layers import random_network
from lessonlib.losses import softmax_cross_entropy
from lessonlib.plots._canvas import LINE_COLOURS, curve_axes, new_figure, styled
from lessonlib.plots._digits_run import digits_run
from lessonlib.plots._text import activation_named, listed, number_text
from lessonlib.training import loss_and_gradients

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_dead_node_losses", "draw_learning_rate_losses", "draw_slope_sizes"]

#: A training run to draw: its legend label and (activation name, hidden bias, learning rate).
Run = tuple[str, tuple[str, float, float]]


def _sizes(layer_sizes: Sequence[int]) -> tuple[int, ...]:
    return tuple(as_count(size, "layer_sizes", minimum=1) for size in layer_sizes)


def _loss_curves(axes: Axes, runs: list[tuple[str, list[float]]]) -> list[str]:
    """Draw each run's training loss after each epoch; say where each starts and ends."""
    said = []
    for (label, losses), colour, marker in zip(runs, LINE_COLOURS, "os^D", strict=False):
        epochs = np.arange(1, len(losses) + 1)  # (epochs,)
        axes.plot(epochs, losses, f"{marker}-", color=colour, markersize=3.5, label=label)
        said.append(f"{label}: from {number_text(losses[0])} to {number_text(losses[-1])}")
    axes.set_yscale("log")
    axes.legend(loc="lower left", fontsize=9.5)
    return said


def _sentence(parts: list[str]) -> str:
    """The parts joined by semicolons, the first letter made a capital."""
    joined = "; ".join(parts)
    return joined[:1].upper() + joined[1:]


@styled
def draw_learning_rate_losses(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rates: Sequence[float] = (0.01, 0.2, 1.0),
    batch_size: int = 16,
    epochs: int = 10,
) -> Figure:
    """Draw the digits network's training loss after each epoch, for several learning rates.

    Each run is the digits lesson's (its split, starting weights and mini-batches);
    only the learning rate differs. Needs scikit-learn.

    >>> figure = draw_learning_rate_losses(learning_rates=[0.01, 0.2], epochs=2)
    >>> figure.axes[0].get_legend_handles_labels()[1]
    ['learning rate 0.01', 'learning rate 0.2']
    """
    rates = [as_positive(rate, "learning_rates") for rate in learning_rates]
    if not 1 <= len(rates) <= len(LINE_COLOURS):
        raise ValueError(f"learning_rates must hold 1 to {len(LINE_COLOURS)} rates")
    sizes = _sizes(layer_sizes)
    runs = [
        (
            f"learning rate {number_text(rate)}",
            digits_run(seed, sizes, rate, batch_size, epochs).result.train_losses,
        )
        for rate in rates
    ]
    figure = new_figure(6.4, 3.9, layout="constrained")
    title = f"Digits network, {len(rates)} learning rates"
    axes = curve_axes(figure, "Epoch", "Training loss (log scale)", title, whole_x=True)
    said = _loss_curves(axes, runs)
    figure.set_label(
        f"Line chart, on a log scale, of the training loss after each of {epochs} epochs "
        f"on the digits. {_sentence(said)}."
    )
    return figure


@styled
def draw_dead_node_losses(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 64, 32, 10),
    learning_rate: float = 0.2,
    batch_size: int = 16,
    epochs: int = 20,
    hidden_bias: float = -1.0,
) -> Figure:
    """Draw the training loss of a badly started digits network, with ReLU and with leaky ReLU.

    The bad start adds ``hidden_bias`` to every hidden bias of the digits lesson's
    starting network; a third curve is the lesson's own start (biases 0) with ReLU.
    Needs scikit-learn.

    >>> figure = draw_dead_node_losses(epochs=2)
    >>> for label in figure.axes[0].get_legend_handles_labels()[1]:
    ...     print(label)
    ReLU from biases -1
    leaky ReLU from biases -1
    ReLU from biases 0
    """
    sizes, bias = _sizes(layer_sizes), as_number(hidden_bias, "hidden_bias")
    starts = [("relu", bias), ("leaky_relu", bias), ("relu", 0.0)]
    runs = [
        (
            f"{'leaky ReLU' if name == 'leaky_relu' else 'ReLU'} from biases {number_text(shift)}",
            digits_run(seed, sizes, learning_rate, batch_size, epochs, name, shift).result,
        )
        for name, shift in starts
    ]
    figure = new_figure(6.4, 3.9, layout="constrained")
    title = f"A bad start (biases {number_text(bias)}) and two remedies"
    axes = curve_axes(figure, "Epoch", "Training loss (log scale)", title, whole_x=True)
    said = _loss_curves(axes, [(label, result.train_losses) for label, result in runs])
    figure.set_label(
        f"Line chart, on a log scale, of the training loss after each of {epochs} epochs "
        f"on the digits, learning rate {number_text(learning_rate)}. {_sentence(said)}."
    )
    return figure


def _slope_sizes(seed: int, layer_sizes: tuple[int, ...], activation: str) -> list[float]:
    """Each layer's slope size, for the digits lesson's training rows and a fresh network."""
    from sklearn.datasets import load_digits  # type: ignore[import-untyped]

    digits = load_digits()
    rng = np.random.default_rng(as_count(seed, "seed"))
    training = rng.permutation(len(digits.target))[720:]  # the digits lesson's training rows
    function = activation_named(activation, "activations")
    network = random_network(list(layer_sizes), rng, activation=function)
    inputs, labels = digits.data[training] / 16, digits.target[training]
    return slope_sizes(loss_and_gradients(network, inputs, labels, softmax_cross_entropy)[1])


@styled
def draw_slope_sizes(
    seed: int = 0,
    layer_sizes: Sequence[int] = (64, 32, 32, 32, 32, 32, 32, 10),
    activations: Sequence[str] = ("sigmoid", "relu"),
) -> Figure:
    """Draw the size of each layer's weight slopes (`slope_sizes`) on a log scale.

    One network per activation, all with the same random weights (drawn after the
    digits lesson's split, from the same seed), and one backward pass on the digits
    lesson's training rows. Needs scikit-learn.

    >>> axes = draw_slope_sizes(layer_sizes=[64, 32, 32, 10]).axes[0]
    >>> axes.get_yscale(), axes.get_legend_handles_labels()[1]
    ('log', ['sigmoid', 'relu'])
    """
    if not 1 <= len(activations) <= len(LINE_COLOURS):
        raise ValueError(f"activations must hold 1 to {len(LINE_COLOURS)} names")
    sizes = _sizes(layer_sizes)
    figure = new_figure(6.4, 3.9, layout="constrained")
    title = f"Slope sizes in a network of {len(sizes) - 1} layers"
    axes = curve_axes(figure, "Layer", "Size of the weight slopes (log scale)", title, True)
    axes.set_yscale("log")
    said = []
    for name, colour, marker in zip(activations, LINE_COLOURS, "os^D", strict=False):
        values = _slope_sizes(seed, sizes, name)
        axes.plot(range(1, len(values) + 1), values, f"{marker}-", color=colour, label=name)
        said.append(f"{name} from {number_text(values[0])} to {number_text(values[-1])}")
    axes.legend(loc="lower right", fontsize=10)
    figure.set_label(
        f"Line chart, on a log scale, of the size of the weight slopes in each layer, "
        f"from layer 1 (next to the input) to layer {len(sizes) - 1} (the output): "
        f"{listed(said)}."
    )
    return figure
