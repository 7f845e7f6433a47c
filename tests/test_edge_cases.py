"""Inputs a learner may pass that numpy would get silently wrong, and what lessonlib does.

Found by calling the installed wheel from outside, as a learner would: small integer
types that wrap around, integers too large to square, a run of gradient descent that
blows up, files that are not saved networks, and a few errors that named the wrong thing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import lessonlib
from lessonlib import Layer, identity, relu

SMALL_WHOLE_TYPES = [np.uint8, np.int8, np.uint16, np.int16, np.int32, np.uint32]


@pytest.mark.parametrize("dtype", SMALL_WHOLE_TYPES, ids=lambda dtype: dtype.__name__)
def test_small_integer_types_give_the_answers_of_plain_integers(dtype: type) -> None:
    def typed(*values: int) -> np.ndarray:
        return np.array(values, dtype=dtype)

    assert lessonlib.sigmoid(typed(0, 5)).tolist() == lessonlib.sigmoid([0, 5]).tolist()
    assert lessonlib.softmax(typed(0, 1)).tolist() == lessonlib.softmax([0, 1]).tolist()
    assert lessonlib.mean_squared_error_slope(typed(5), typed(3)).tolist() == [-4.0]
    assert lessonlib.half_squared_error_slope(typed(5), typed(3)).tolist() == [-2.0]
    assert lessonlib.weighted_sum(typed(20, 20), typed(20, 20)) == 800
    assert lessonlib.get_error(typed(20, 20), 0, typed(20, 20)) == 800


def test_integers_too_large_to_square_are_computed_as_floats() -> None:
    assert lessonlib.mean_squared_error([0], [4_000_000_000]) == pytest.approx(1.6e19)
    assert lessonlib.get_mse([1], 0, [4_000_000_000]) == pytest.approx(1.6e19)
    assert lessonlib.sigmoid(2**64) == 1.0
    assert lessonlib.tanh(-(2**64)) == -1.0
    assert lessonlib.get_error([1, 2, 3], 0, [0, 2, 1]) == 7  # small whole numbers stay whole


def test_a_result_never_shares_memory_with_the_input() -> None:
    values = np.array([1.0, -2.0])
    result = lessonlib.identity(values)
    result[0] = 99.0
    assert values.tolist() == [1.0, -2.0]


def test_gradient_descent_that_blows_up_says_so_and_blames_the_learning_rate() -> None:
    finite = lessonlib.gradient_descent([1, 2, 3], 0, [0, 2, 1], learning_rate=1.0, n_updates=100)
    assert np.isfinite(finite.mse_history).all()
    for n_updates in (110, 300):
        with pytest.raises(ValueError, match=r"at update 108: learning_rate=1\.0 overshoots"):
            lessonlib.gradient_descent([1, 2, 3], 0, [0, 2, 1], 1.0, n_updates)


def _saved(path: Path, **arrays: np.ndarray) -> Path:
    np.savez(path, **arrays)  # type: ignore[arg-type]
    return path


def test_a_file_that_is_not_a_saved_network_is_refused_by_name(tmp_path: Path) -> None:
    npy = tmp_path / "array.npy"
    np.save(npy, np.zeros(3))
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    empty = tmp_path / "empty.npz"
    empty.write_bytes(b"")
    names_only = _saved(tmp_path / "names.npz", activations=np.array("relu"))
    for path in (npy, text, empty, names_only):
        with pytest.raises(ValueError, match="holds no network written by save_network"):
            lessonlib.load_network(path)
    short = _saved(
        tmp_path / "short.npz",
        activations=np.array(["relu", "relu"]),
        weights_0=np.ones((2, 2)),
        bias_0=np.zeros(2),
    )
    with pytest.raises(ValueError, match=r"lacks the arrays \['weights_1', 'bias_1'\]"):
        lessonlib.load_network(short)
    misfit = _saved(
        tmp_path / "misfit.npz",
        activations=np.array(["relu", "relu"]),
        weights_0=np.ones((2, 2)),
        bias_0=np.zeros(2),
        weights_1=np.ones((1, 5)),
        bias_1=np.zeros(1),
    )
    with pytest.raises(ValueError, match=r"not whole: network\[1\] weights take 5 values per row"):
        lessonlib.load_network(misfit)
    with pytest.raises(FileNotFoundError):
        lessonlib.load_network(tmp_path / "missing.npz")


def test_errors_name_what_the_caller_passed() -> None:
    deep = {"node_0_0": [2, 4], "node_0_1": [4, -5], "node_1_0": [-1, 1], "output": [-3, 7]}
    with pytest.raises(ValueError, match="input_data_row must be a 1-D array"):
        lessonlib.predict_with_network2([[3, 5]], deep)
    with pytest.raises(KeyError, match="missing 'node_0_0'"):
        lessonlib.hidden_layer_names({"node_1_0": [1], "output": [1]})
    with pytest.raises(ValueError, match="has 2 weights but n_inputs is 3"):
        lessonlib.weight_matrices({"node_0": [1, 1], "output": [1]}, n_inputs=3)
    with pytest.raises(TypeError, match="got one Layer; put it in a list"):
        lessonlib.as_network(Layer([[1.0, 2.0]], [0.0], relu))
    with pytest.raises(ValueError, match="one output node per class, at least 2"):
        lessonlib.predict_classes([([[1.0, 2.0]], [0.0], identity)], [[1, 1]])


def test_one_row_for_a_loss_over_classes_says_how_to_make_a_batch() -> None:
    network = lessonlib.random_network([2, 3, 2], np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"try \[row\] and \[target\] for a batch of one"):
        lessonlib.loss_and_gradients(network, [1.0, 2.0], [0], lessonlib.softmax_cross_entropy)
    loss, _ = lessonlib.loss_and_gradients(
        network, [[1.0, 2.0]], [0], lessonlib.softmax_cross_entropy
    )
    assert np.isfinite(loss)


def test_update_biases_takes_numpy_booleans_too() -> None:
    network = [([[1.0, 2.0]], [0.5], identity)]
    values = lessonlib.forward(network, [1, 1])
    gradients = lessonlib.backward(network, values, output_slope=[2.0])
    kept = lessonlib.updated_network(network, gradients, 0.1, update_biases=np.False_)
    assert kept[0].bias.tolist() == [0.5]


def test_a_validation_loss_that_overflows_stops_training_with_a_reason() -> None:
    with pytest.raises(ValueError, match="the validation loss became inf"):
        lessonlib.train(
            [([[1.0]], [0.0], identity)],
            [[1.0]],
            [[1.0]],
            loss=lessonlib.mean_squared_error,
            learning_rate=0.1,
            batch_size=1,
            epochs=3,
            rng=np.random.default_rng(0),
            progress=False,
            validation=([[1e200]], [[0.0]]),
            patience=1,
        )
