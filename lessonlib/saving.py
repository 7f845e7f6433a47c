"""Save a trained network to a file and load it back, to use it later or elsewhere.

The file is numpy's ``.npz``: each layer's weights and biases as arrays, and the
activations by name. It holds numbers and names only, no pickled code, so loading
one never runs anything.
"""

from __future__ import annotations

import os
import zipfile

import numpy as np

from lessonlib.activations import BY_NAME
from lessonlib.layers import Layer, NetworkLike, as_network

__all__ = ["load_network", "save_network"]

Path = str | os.PathLike[str]


def save_network(network: NetworkLike, path: Path) -> str:
    """Write the network to an ``.npz`` file, and return the file's name.

    numpy adds the ending ``.npz`` to ``path`` when it is missing.

    >>> import pathlib, tempfile
    >>> from lessonlib import random_network
    >>> network = random_network([64, 32, 10], np.random.default_rng(0))
    >>> path = save_network(network, str(pathlib.Path(tempfile.mkdtemp()) / "digits"))
    >>> pathlib.Path(path).name, [layer.weights.shape for layer in load_network(path)]
    ('digits.npz', [(32, 64), (10, 32)])
    """
    layers = as_network(network)
    arrays = {"activations": np.array([layer.activation.__name__ for layer in layers])}
    for index, layer in enumerate(layers):
        arrays[f"weights_{index}"], arrays[f"bias_{index}"] = layer.weights, layer.bias
    file = _checked_path(path)
    file = file if file.endswith(".npz") else f"{file}.npz"  # as np.savez names it
    np.savez(file, **arrays)  # type: ignore[arg-type]  # (no key is allow_pickle)
    return file


def load_network(path: Path) -> list[Layer]:
    """The network that `save_network` wrote to ``path``, layer by layer, checked again.

    >>> import pathlib, tempfile
    >>> from lessonlib import Layer, relu
    >>> path = str(pathlib.Path(tempfile.mkdtemp()) / "tiny.npz")
    >>> _ = save_network([Layer([[1.5, -2.0]], [0.5], relu)], path)
    >>> load_network(path)[0].weights, load_network(path)[0].activation.__name__
    (array([[ 1.5, -2. ]]), 'relu')
    """
    file = _checked_path(path)
    with _opened(file) as saved:
        names = saved["activations"] if "activations" in saved.files else None
        if names is None or names.ndim != 1 or names.dtype.kind != "U":
            raise ValueError(f"path {file:.80} holds no network written by save_network")
        unknown = [str(name) for name in names if name not in BY_NAME]
        if unknown:
            raise ValueError(f"path {file:.80} names activations lessonlib lacks: {unknown}")
        missing = [
            key
            for index in range(len(names))
            for key in (f"weights_{index}", f"bias_{index}")
            if key not in saved.files
        ]
        if missing:
            raise ValueError(f"path {file:.80} lacks the arrays {missing}")
        layers = [
            (saved[f"weights_{index}"], saved[f"bias_{index}"], BY_NAME[name])
            for index, name in enumerate(names)
        ]
    try:
        return as_network(layers)
    except (TypeError, ValueError) as error:
        raise ValueError(f"path {file:.80} holds a network that is not whole: {error}") from None


def _opened(file: str) -> np.lib.npyio.NpzFile:
    """numpy's reader of the ``.npz`` file, or a ValueError when the file is something else."""
    try:
        saved = np.load(file, allow_pickle=False)
    except (FileNotFoundError, IsADirectoryError):
        raise  # their own messages name the path
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        saved = None  # not a file numpy reads without running pickled code
    if not isinstance(saved, np.lib.npyio.NpzFile):
        raise ValueError(f"path {file:.80} holds no network written by save_network")
    return saved


def _checked_path(path: object) -> str:
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise TypeError(f"path must be a file name, such as 'network.npz', got {path!r:.60}")
    return os.fspath(path)
