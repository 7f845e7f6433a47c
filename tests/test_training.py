"""The minibatch training loop, its randomness, its progress bar, and accuracy."""

import numpy as np
import pytest

from lessonlib import (
    TrainingResult,
    accuracy,
    forward,
    identity,
    loss_and_gradients,
    mean_squared_error,
    minibatches,
    predict_classes,
    random_network,
    softmax_cross_entropy,
    train,
)


def blobs(seed: int, n_rows: int = 120) -> tuple[np.ndarray, np.ndarray]:
    """Three well separated clouds of 2-D points, labelled 0, 1, 2."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, size=n_rows)
    centres = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
    return centres[labels] + rng.normal(scale=0.5, size=(n_rows, 2)), labels


def run(seed: int, **options: object) -> TrainingResult:
    """Train a small network on the clouds; ``options`` override the settings below."""
    inputs, labels = blobs(0)
    network = random_network([2, 8, 3], np.random.default_rng(seed))
    settings = {
        "loss": softmax_cross_entropy,
        "learning_rate": 0.1,
        "batch_size": 16,
        "epochs": 5,
        "rng": np.random.default_rng(seed),
        "progress": False,
    }
    return train(network, inputs, labels, **{**settings, **options})


def test_minibatches_cover_every_row_once() -> None:
    batches = minibatches(10, batch_size=4, rng=np.random.default_rng(3))
    assert [len(batch) for batch in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches).tolist()) == list(range(10))


def test_training_learns_three_clouds() -> None:
    inputs, labels = blobs(0)
    test_inputs, test_labels = blobs(1)
    result = run(0, epochs=20, validation=(test_inputs, test_labels))
    assert result.train_losses[-1] < result.train_losses[0] / 4
    assert len(result.validation_losses) == 20
    assert accuracy(test_labels, predict_classes(result.network, test_inputs)) > 0.95
    assert accuracy(labels, predict_classes(result.network, inputs)) > 0.95


def test_same_generator_same_result_other_generator_other_result() -> None:
    first, again, other = run(4), run(4), run(5)
    assert first.train_losses == again.train_losses
    assert np.array_equal(first.network[0].weights, again.network[0].weights)
    assert first.train_losses != other.train_losses


def test_training_leaves_the_starting_network_alone() -> None:
    inputs, labels = blobs(0)
    network = random_network([2, 8, 3], np.random.default_rng(0))
    before = network[0].weights.copy()
    train(
        network,
        inputs,
        labels,
        loss=softmax_cross_entropy,
        learning_rate=0.1,
        batch_size=8,
        epochs=1,
        rng=np.random.default_rng(0),
        progress=False,
    )
    assert np.array_equal(network[0].weights, before)


def test_one_epoch_with_one_batch_is_one_gradient_step() -> None:
    inputs, labels = blobs(2, n_rows=20)
    network = random_network([2, 4, 3], np.random.default_rng(0))
    _, gradients = loss_and_gradients(network, inputs, labels, softmax_cross_entropy)
    result = train(
        network,
        inputs,
        labels,
        loss=softmax_cross_entropy,
        learning_rate=0.5,
        batch_size=20,
        epochs=1,
        rng=np.random.default_rng(0),
        progress=False,
    )
    expected = network[0].weights - 0.5 * gradients.weights[0]
    np.testing.assert_allclose(result.network[0].weights, expected, rtol=1e-12)


def test_progress_bar_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    run(0, progress=False)
    silent = capsys.readouterr()
    assert silent.out == silent.err == ""
    run(0, progress=True)
    shown = capsys.readouterr()
    assert shown.out == ""
    assert "training" in shown.err
    assert "5/5" in shown.err


def test_progress_defaults_to_silent_when_not_in_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(0, progress=None)
    assert capsys.readouterr().err == ""


def test_accuracy_takes_classes_or_scores() -> None:
    assert accuracy([0, 1, 1, 2], [0, 1, 0, 2]) == 0.75
    scores = [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]
    assert accuracy([0, 1, 1], scores) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="labels has 2 values but predicted has 3"):
        accuracy([0, 1], [0, 1, 1])


@pytest.mark.parametrize(
    ("labels", "predicted", "error", "message"),
    [
        ([0, -1], [0, 1], ValueError, "labels must be class numbers from 0 up, got -1"),
        ([0.0, 1.0], [0, 1], TypeError, "labels must be whole class numbers"),
        ([0, 1], [0.5, 1.0], TypeError, "predicted must be whole class numbers"),
        ([0, 2], [[0.9, 0.1], [0.2, 0.8]], ValueError, "labels must lie between 0 and 1"),
    ],
)
def test_accuracy_names_labels_that_are_not_classes(labels, predicted, error, message) -> None:
    with pytest.raises(error, match=message):
        accuracy(labels, predicted)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"rng": 0}, TypeError, r"rng must be a numpy\.random\.Generator"),
        ({"loss": len}, TypeError, "loss must be one of"),
        ({"learning_rate": 0}, ValueError, "learning_rate must be greater than 0"),
        ({"batch_size": 0}, ValueError, "batch_size must be at least 1"),
        ({"epochs": 1.5}, TypeError, "epochs must be a whole number"),
        ({"epochs": 0}, ValueError, "epochs must be at least 1, got 0"),
        ({"batch_size": 121}, ValueError, r"batch_size must be at most the number of rows \(120\)"),
        ({"rng": np.random.RandomState(0)}, TypeError, "got RandomState"),
        ({"progress": "yes"}, TypeError, "progress must be True, False or None"),
        ({"validation": [1, 2]}, TypeError, r"validation must be a pair \(inputs, targets\)"),
        ({"patience": 3}, ValueError, "patience needs validation data"),
        ({"patience": 0, "validation": blobs(1)}, ValueError, "patience must be at least 1"),
    ],
)
def test_bad_settings_are_named(options, error, message) -> None:
    with pytest.raises(error, match=message):
        run(0, **options)


def test_minibatches_refuse_a_batch_larger_than_the_rows() -> None:
    with pytest.raises(ValueError, match=r"batch_size must be at most n_rows \(5\), got 6"):
        minibatches(5, batch_size=6, rng=np.random.default_rng(0))
    assert len(minibatches(5, batch_size=5, rng=np.random.default_rng(0))) == 1


def test_diverging_training_raises_instead_of_returning_infinity() -> None:
    inputs, targets = [[1e3], [2e3]], [[1.0], [2.0]]
    with (
        pytest.raises(ValueError, match=r"loss became inf.*smaller learning_rate"),
        np.errstate(over="ignore"),
    ):
        train(
            [([[1e3]], [0.0], identity)],
            inputs,
            targets,
            loss=mean_squared_error,
            learning_rate=10.0,
            batch_size=1,
            epochs=50,
            rng=np.random.default_rng(0),
            progress=False,
        )


def test_targets_that_do_not_fit_are_named() -> None:
    inputs, labels = blobs(0)
    network = random_network([2, 8, 3], np.random.default_rng(0))
    settings = {"learning_rate": 0.1, "batch_size": 8, "epochs": 1, "progress": False}

    def train_one_epoch(targets, loss, **extra):
        train(
            network, inputs, targets, loss=loss, rng=np.random.default_rng(0), **settings, **extra
        )

    with pytest.raises(ValueError, match="targets has 119 rows but the inputs have 120"):
        train_one_epoch(labels[:-1], softmax_cross_entropy)
    with pytest.raises(ValueError, match="targets do not suit mean_squared_error"):
        train_one_epoch(labels, mean_squared_error)
    with pytest.raises(ValueError, match="validation targets do not suit softmax_cross_entropy"):
        train_one_epoch(labels, softmax_cross_entropy, validation=(inputs, labels + 5))


def test_regression_with_a_linear_network() -> None:
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(200, 3))
    targets = inputs @ np.array([[1.0], [-2.0], [0.5]]) + 3.0  # (200, 1)
    network = [(np.zeros((1, 3)), np.zeros(1), identity)]
    result = train(
        network,
        inputs,
        targets,
        loss=mean_squared_error,
        learning_rate=0.1,
        batch_size=10,
        epochs=30,
        rng=rng,
        progress=False,
    )
    np.testing.assert_allclose(result.network[0].weights, [[1.0, -2.0, 0.5]], atol=1e-6)
    np.testing.assert_allclose(result.network[0].bias, [3.0], atol=1e-6)


def test_early_stopping_stops_after_patience_epochs_without_a_new_best() -> None:
    # A learning rate this large makes the validation loss jump about, so training stops early.
    result = run(1, epochs=60, learning_rate=3.0, batch_size=4, validation=blobs(1), patience=3)
    best = int(np.argmin(result.validation_losses)) + 1
    assert result.epoch_kept == best
    assert len(result.train_losses) == best + 3 < 60
    held_inputs, held_labels = blobs(1)
    kept = softmax_cross_entropy(held_labels, forward(result.network, held_inputs).output)
    assert kept == min(result.validation_losses)
