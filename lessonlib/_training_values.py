"""What the chapter-3 figures of `lessonlib.plots` show, computed by the lessons' own functions.

The slopes on a network diagram come from `backward`, after `forward`; the
digits figures come from the very steps of the digits lesson (split, network,
`train`), so a figure can never disagree with the numbers its lesson prints.
No matplotlib here: `lessonlib.plots` draws.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from lessonlib._checks import as_array, as_count, as_positive
from lessonlib.activations import Activation
from lessonlib.backprop import backward, forward
from lessonlib.layers import Layer, random_network
from lessonlib.losses import mean_squared_error_slope, softmax_cross_entropy
from lessonlib.network import hidden_layer_names, weight_matrices
from lessonlib.training import TrainingResult, predict_classes, train


def network_slopes(
    weights: Mapping[str, Any],
    input_data: Any,
    target: Any,
    activation: Activation,
    output_activation: Activation,
) -> dict[str, list[float]]:
    """The slope of the squared error for every weight, keyed and ordered like ``weights``.

    Found by `backward` after `forward`, with zero biases, for one data point.
    """
    row = as_array(input_data, "input_data", ndim=1)  # (n_inputs,)
    matrices = weight_matrices(weights, n_inputs=len(row))  # (n_nodes, n_in) per layer
    activations = [activation] * (len(matrices) - 1) + [output_activation]
    network = [
        Layer(matrix, np.zeros(len(matrix)), function)
        for matrix, function in zip(matrices, activations, strict=True)
    ]
    target_row = as_array(target, "target", ndim=(0, 1)).reshape(1)  # (n_outputs,)
    values = forward(network, row)
    gradients = backward(network, values, mean_squared_error_slope(target_row, values.output))
    names = [*hidden_layer_names(weights), ["output"]]
    return {
        name: node_slopes.tolist()
        for layer_names, slopes in zip(names, gradients.weights, strict=True)
        for name, node_slopes in zip(layer_names, slopes, strict=True)
    }


class DigitsRun(NamedTuple):
    """The digits lesson's training run, and how its network reads the test digits."""

    result: TrainingResult
    test_images: NDArray[Any]  # (n_test, 8, 8), pixel values 0 to 16
    test_labels: NDArray[Any]  # (n_test,)
    predicted: NDArray[Any]  # (n_test,)


@functools.lru_cache(maxsize=4)
def digits_run(
    seed: int, layer_sizes: tuple[int, ...], learning_rate: float, batch_size: int, epochs: int
) -> DigitsRun:
    """Split, build and train exactly as the digits lesson does (needs scikit-learn)."""
    from sklearn.datasets import load_digits  # type: ignore[import-untyped]

    digits = load_digits()
    inputs = digits.data / 16  # pixel values from 0 to 1
    labels = digits.target
    rng = np.random.default_rng(as_count(seed, "seed"))
    rows = rng.permutation(len(labels))
    test, validation, training = rows[:360], rows[360:720], rows[720:]
    network = random_network(list(layer_sizes), rng)
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
        progress=False,
    )
    predicted = predict_classes(result.network, inputs[test])
    return DigitsRun(result, digits.images[test], labels[test], predicted)
