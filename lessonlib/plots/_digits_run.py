"""The digits lesson's training run, done by the very steps of the lesson.

Split, network and `train` are the lesson's own, so the digits figures can
never disagree with the numbers the lesson prints. Needs scikit-learn.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_count, as_number, as_positive
from lessonlib.classify import predict_classes
from lessonlib.layers import random_network
from lessonlib.losses import softmax_cross_entropy
from lessonlib.plots._text import activation_named
from lessonlib.training import TrainingResult, train


class DigitsRun(NamedTuple):
    """The digits lesson's training run, and how its network reads the test digits."""

    result: TrainingResult
    test_images: NDArray[np.float64]  # (n_test, 8, 8), pixel values 0 to 16
    test_labels: NDArray[np.intp]  # (n_test,)
    predicted: NDArray[np.intp]  # (n_test,)


@functools.lru_cache(maxsize=4)
def digits_run(
    seed: int,
    layer_sizes: tuple[int, ...],
    learning_rate: float,
    batch_size: int,
    epochs: int,
    activation: str = "relu",
    hidden_bias: float = 0.0,
    patience: int | None = None,
) -> DigitsRun:
    """Split, build and train exactly as the digits lesson does; with ``patience``, stop early.

    ``activation`` (by name) is the hidden layers'; ``hidden_bias`` is added to every
    hidden bias before training, as the dead-nodes lesson starts its network badly.
    """
    from sklearn.datasets import load_digits  # type: ignore[import-untyped]

    digits = load_digits()
    inputs = digits.data / 16  # pixel values from 0 to 1
    labels = digits.target
    rng = np.random.default_rng(as_count(seed, "seed"))
    rows = rng.permutation(len(labels))
    test, validation, training = rows[:360], rows[360:720], rows[720:]
    hidden = activation_named(activation, "activation")
    network = random_network(list(layer_sizes), rng, activation=hidden)
    shift = as_number(hidden_bias, "hidden_bias")
    network = [layer._replace(bias=layer.bias + shift) for layer in network[:-1]] + network[-1:]
    result = train(
        network,
        inputs[training],
        labels[training],
        loss=softmax_cross_entropy,
        learning_rate=as_positive(learning_rate, "learning_rate"),
        batch_size=batch_size,
        epochs=epochs,
        rng=rng,
        validation=(inputs[validation], labels[validation]),
        patience=patience,
        progress=False,
    )
    predicted = predict_classes(result.network, inputs[test])
    return DigitsRun(result, digits.images[test], labels[test], predicted)


def checked_digits_run(
    seed: int,
    layer_sizes: Sequence[int],
    learning_rate: float,
    batch_size: int,
    epochs: int,
    patience: int | None = None,
) -> DigitsRun:
    """`digits_run` for a figure's arguments: checked, and ``layer_sizes`` as any sequence."""
    sizes = tuple(as_count(size, "layer_sizes", minimum=1) for size in layer_sizes)
    rate = as_positive(learning_rate, "learning_rate")
    return digits_run(seed, sizes, rate, batch_size, epochs, patience=patience)
