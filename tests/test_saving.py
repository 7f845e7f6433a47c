"""A saved network loads back as the same network, and a wrong file is named."""

from pathlib import Path

import numpy as np
import pytest

from lessonlib import (
    Layer,
    forward,
    leaky_relu,
    load_network,
    random_network,
    save_network,
    sigmoid,
)


def test_a_saved_network_predicts_exactly_as_before(tmp_path: Path) -> None:
    network = random_network([5, 4, 3], np.random.default_rng(2), activation=leaky_relu)
    network = [*network[:-1], network[-1]._replace(activation=sigmoid)]
    path = save_network(network, tmp_path / "network")
    assert path == str(tmp_path / "network.npz")
    loaded = load_network(path)
    rows = np.random.default_rng(3).normal(size=(10, 5))
    assert np.array_equal(forward(loaded, rows).output, forward(network, rows).output)
    assert [layer.activation for layer in loaded] == [leaky_relu, sigmoid]


def test_a_file_that_holds_no_network_is_named(tmp_path: Path) -> None:
    np.savez(tmp_path / "other.npz", numbers=np.arange(3))
    with pytest.raises(ValueError, match="holds no network written by save_network"):
        load_network(tmp_path / "other.npz")
    np.savez(tmp_path / "odd.npz", activations=np.array(["swish"]), weights_0=np.ones((1, 1)))
    with pytest.raises(ValueError, match=r"names activations lessonlib lacks: \['swish'\]"):
        load_network(tmp_path / "odd.npz")


def test_a_path_that_is_not_a_file_name_is_named() -> None:
    with pytest.raises(TypeError, match="path must be a file name"):
        save_network([Layer([[1.0]], [0.0])], 42)  # type: ignore[arg-type]
