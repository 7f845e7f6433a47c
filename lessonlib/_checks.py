"""Input checks shared by every public function.

Each helper turns a user's argument into a clean numpy array, or raises an
error that names the argument and says what was expected. No numpy
traceback ever reaches the reader.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from numbers import Real
from typing import Any

import numpy as np
from numpy.typing import NDArray

NUMERIC_KINDS = "iuf"  # signed int, unsigned int, float: never bool, complex, str or object


def as_array(value: Any, name: str, ndim: int | tuple[int, ...]) -> NDArray[Any]:
    """Return ``value`` as a finite, non-empty numeric array of the given rank."""
    if value is None:
        raise TypeError(f"{name} must be an array of numbers, got None")
    if isinstance(value, (str, bytes, Mapping)):
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}")
    try:
        array = np.asarray(value)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers: {error}") from None
    if array.dtype.kind not in NUMERIC_KINDS:
        raise TypeError(f"{name} must contain only numbers, got dtype {array.dtype}")
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if array.ndim not in allowed:
        wanted = " or ".join(f"{n}-D" for n in allowed)
        raise ValueError(f"{name} must be a {wanted} array, got {array.ndim}-D shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return array


def as_number(value: Any, name: str) -> int | float:
    """Return ``value`` as a finite Python ``int`` or ``float``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (Real, np.integer, np.floating)
    ):
        if isinstance(value, np.ndarray) and value.ndim == 0:
            return as_number(value.item(), name)
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    number: int | float = value.item() if isinstance(value, np.generic) else value  # type: ignore[assignment]
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number}")
    return number


def as_positive(value: Any, name: str) -> float:
    """Return ``value`` as a finite number greater than zero."""
    number = as_number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be greater than 0, got {number}")
    return float(number)


def as_count(
    value: Any, name: str, minimum: int = 0, maximum: tuple[int, str] | None = None
) -> int:
    """Return ``value`` as a whole number from ``minimum`` up to ``maximum`` (number, name)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum[0]:
        raise ValueError(f"{name} must be at most {maximum[1]} ({maximum[0]}), got {value}")
    return int(value)


def as_generator(rng: Any, name: str = "rng") -> np.random.Generator:
    """Return ``rng`` if it is a ``numpy.random.Generator``: no global or legacy randomness."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator such as numpy.random.default_rng(0), "
            f"got {type(rng).__name__}"
        )
    return rng


def as_labels(value: Any, name: str, n_classes: int | None = None) -> NDArray[Any]:
    """Return ``value`` as a 1-D array of class numbers: whole numbers from 0 (below n_classes)."""
    labels = as_array(value, name, ndim=1)  # (n_rows,)
    if labels.dtype.kind not in "iu":
        raise TypeError(f"{name} must be whole class numbers, got dtype {labels.dtype}")
    if labels.min() < 0:
        raise ValueError(f"{name} must be class numbers from 0 up, got {labels.min()}")
    if n_classes is not None and labels.max() >= n_classes:
        raise ValueError(
            f"{name} must lie between 0 and {n_classes - 1} (one score per class), "
            f"got {labels.max()}"
        )
    return labels


def same_length(array: NDArray[Any], name: str, other: NDArray[Any], other_name: str) -> None:
    """Raise unless the last axes of two arrays have the same length."""
    if array.shape[-1] != other.shape[-1]:
        raise ValueError(
            f"{name} has {array.shape[-1]} values but {other_name} has {other.shape[-1]}; "
            "they must be the same length"
        )


def as_weights(weights: Any, name: str = "weights") -> Mapping[str, Any]:
    """Check that ``weights`` is a mapping from node names to weight vectors."""
    if not isinstance(weights, Mapping):
        raise TypeError(
            f"{name} must be a dict of node names to weight arrays, got {type(weights).__name__}"
        )
    return weights


def require_keys(weights: Mapping[str, Any], keys: Sequence[str], name: str = "weights") -> None:
    """Raise ``KeyError`` naming the first missing key and the keys expected."""
    for key in keys:
        if key not in weights:
            expected = ", ".join(repr(k) for k in keys)
            raise KeyError(f"{name} is missing {key!r}; expected the keys {expected}")


def as_values(value: Any, name: str) -> NDArray[Any]:
    """Return one number or an array of numbers as a finite numeric array (0-d for a number)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number or an array of numbers, got bool")
    try:
        single = np.ndim(value) == 0 and not isinstance(value, np.ndarray)
    except ValueError:  # ragged nested lists: as_array names the argument
        single = False
    if single:
        return np.asarray(as_number(value, name))
    return as_array(value, name, ndim=tuple(range(33)))


def plain(values: NDArray[Any]) -> Any:
    """Unwrap a 0-d array into a plain Python ``int`` or ``float``; leave other arrays alone."""
    return values.item() if values.ndim == 0 else values
